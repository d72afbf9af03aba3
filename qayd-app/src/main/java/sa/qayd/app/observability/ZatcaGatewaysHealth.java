package sa.qayd.app.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import sa.qayd.api.Environment;
import sa.qayd.command.zatca.ZatcaGateways;

/**
 * The circuit breaker state of each ZATCA gateway, as a detail that is always UP: when ZATCA is down, every
 * replica is equally cut off and documents wait in the queue, so taking a replica out of rotation would only
 * stop it from issuing (which needs no ZATCA) too.
 */
final class ZatcaGatewaysHealth implements HealthIndicator {
    private final ZatcaGateways gateways;

    ZatcaGatewaysHealth(ZatcaGateways gateways) {
        this.gateways = gateways;
    }

    @Override
    public Health health() {
        Map<String, Object> circuits = new LinkedHashMap<>();
        for (Environment environment : Environment.values()) {
            circuits.put(environment.wireName(), gateways.client(environment).circuitState().name());
        }
        return Health.up().withDetail("circuit_breakers", circuits).build();
    }
}
