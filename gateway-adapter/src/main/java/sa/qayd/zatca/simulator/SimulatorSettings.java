package sa.qayd.zatca.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run a {@link FatooraSimulator}.
 *
 * @param port 0 for an ephemeral port
 * @param basePath where the six endpoints are mounted, e.g. {@code /e-invoicing/developer-portal}
 * @param acceptedOtp the one OTP the CSID calls accept; any other gets {@code Invalid-OTP}
 * @param verifier the content checks; {@link ProtocolCoreDocumentVerifier} with ZATCA's rules by default
 * @param mode which ZATCA gateway to play
 * @param latency added to every answer (scheduled, so it holds no thread); zero for none
 * @param complianceProgressFile where compliance-check progress survives restarts; null keeps it in memory
 */
public record SimulatorSettings(int port, String basePath, String acceptedOtp, SimulatorCertificateAuthority ca,
        DocumentVerifier verifier, GatewayMode mode, Duration latency, Path complianceProgressFile) {

    public static final String DEVELOPER_PORTAL_BASE_PATH = "/e-invoicing/developer-portal";
    /** The developer portal's public test OTP. */
    public static final String SANDBOX_OTP = "123345";

    public SimulatorSettings {
        Objects.requireNonNull(basePath, "basePath");
        Objects.requireNonNull(acceptedOtp, "acceptedOtp");
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(latency, "latency");
        if (!basePath.startsWith("/") || basePath.endsWith("/")) {
            throw new IllegalArgumentException("basePath must start with / and not end with /: " + basePath);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
    }

    /**
     * Ephemeral port, simulation mode under the developer-portal path (what sandbox units are configured for),
     * OTP 123345, a fresh CA, ZATCA's rules, no latency, progress in memory.
     */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(0, DEVELOPER_PORTAL_BASE_PATH, SANDBOX_OTP, SimulatorCertificateAuthority.generate(),
                new ProtocolCoreDocumentVerifier(), GatewayMode.SIMULATION, Duration.ZERO, null);
    }

    public SimulatorSettings withPort(int newPort) {
        return new SimulatorSettings(newPort, basePath, acceptedOtp, ca, verifier, mode, latency, complianceProgressFile);
    }

    public SimulatorSettings withBasePath(String newBasePath) {
        return new SimulatorSettings(port, newBasePath, acceptedOtp, ca, verifier, mode, latency, complianceProgressFile);
    }

    public SimulatorSettings withAcceptedOtp(String newAcceptedOtp) {
        return new SimulatorSettings(port, basePath, newAcceptedOtp, ca, verifier, mode, latency, complianceProgressFile);
    }

    public SimulatorSettings withCa(SimulatorCertificateAuthority newCa) {
        return new SimulatorSettings(port, basePath, acceptedOtp, newCa, verifier, mode, latency, complianceProgressFile);
    }

    public SimulatorSettings withVerifier(DocumentVerifier newVerifier) {
        return new SimulatorSettings(port, basePath, acceptedOtp, ca, newVerifier, mode, latency, complianceProgressFile);
    }

    public SimulatorSettings withMode(GatewayMode newMode) {
        return new SimulatorSettings(port, basePath, acceptedOtp, ca, verifier, newMode, latency, complianceProgressFile);
    }

    public SimulatorSettings withLatency(Duration newLatency) {
        return new SimulatorSettings(port, basePath, acceptedOtp, ca, verifier, mode, newLatency, complianceProgressFile);
    }

    /**
     * Keeps the CA in {@code caFile} (created if missing) and the compliance progress beside it
     * ({@code <name>.compliance}), so that a restarted simulator honours every CSID it issued and remembers which
     * compliance CSIDs passed their checks.
     */
    public SimulatorSettings persistedAt(Path caFile) throws IOException {
        String name = caFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path progress = caFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".compliance");
        return new SimulatorSettings(port, basePath, acceptedOtp, SimulatorCertificateAuthority.loadOrCreate(caFile),
                verifier, mode, latency, progress);
    }
}
