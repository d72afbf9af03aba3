package sa.qayd.command.zatca;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.Map;
import sa.qayd.api.Environment;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.fatoora.FatooraClient;

/**
 * One Fatoora client per Qayd environment, fixed at start-up: a unit's environment alone decides
 * which gateway it talks to, and each client refuses credentials of another gateway.
 */
public final class ZatcaGateways implements DeveloperPortal {
    private final Map<Environment, FatooraClient> clients;

    public ZatcaGateways(FatooraClient sandbox, FatooraClient production) {
        if (sandbox.environment().qaydEnvironment() != Environment.SANDBOX
                || production.environment().qaydEnvironment() != Environment.PRODUCTION) {
            throw new IllegalArgumentException("sandbox and production gateways are swapped");
        }
        this.clients = Map.of(Environment.SANDBOX, sandbox, Environment.PRODUCTION, production);
    }

    public FatooraClient client(Environment environment) {
        return clients.get(environment);
    }

    /** False while the gateway's circuit breaker is open: calls would fail at once, so none are made. */
    public boolean acceptsCalls(Environment environment) {
        return client(environment).circuitState() != CircuitBreaker.State.OPEN;
    }

    @Override
    public boolean isDeveloperPortal(Environment environment) {
        return client(environment).environment() == FatooraEnvironment.SANDBOX;
    }
}
