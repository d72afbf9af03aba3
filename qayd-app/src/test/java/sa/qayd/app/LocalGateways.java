package sa.qayd.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;
import sa.qayd.zatca.simulator.FatooraSimulator;
import sa.qayd.zatca.simulator.SimulatorSettings;

/**
 * Tests never reach ZATCA: the sandbox uses the service's embedded simulator, and production units
 * talk to this second, separate simulator on loopback (so a mix-up between the two would show).
 */
public final class LocalGateways {
    static final FatooraSimulator PRODUCTION = start("/e-invoicing/core");
    /** For several replicas, which must share one sandbox gateway as they share one database. */
    static final FatooraSimulator SHARED_SANDBOX = start(SimulatorSettings.DEVELOPER_PORTAL_BASE_PATH);

    private LocalGateways() {
    }

    public static void register(DynamicPropertyRegistry properties) {
        properties.add("qayd.zatca.production.base-url", () -> PRODUCTION.baseUri().toString());
    }

    static String sharedSandboxProperty() {
        return "qayd.zatca.sandbox.base-url=" + SHARED_SANDBOX.baseUri();
    }

    /** A simulator of its own on loopback, serving the gateway mounted at {@code basePath}. */
    public static FatooraSimulator start(String basePath) {
        try {
            return FatooraSimulator.start(SimulatorSettings.defaults().withBasePath(basePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
