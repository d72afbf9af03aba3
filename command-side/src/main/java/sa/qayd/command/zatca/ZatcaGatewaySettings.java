package sa.qayd.command.zatca;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateways the two environments talk to ({@code qayd.zatca.*}).
 *
 * @param sandbox {@code base-url}: {@value ZatcaGatewayConfig#EMBEDDED} (a Fatoora simulator in this
 *     process) or a gateway URL; {@code gateway}: which of ZATCA's gateways the sandbox stands for,
 *     {@code simulation} or {@code developer-portal}
 * @param production {@code base-url}: ZATCA's core gateway unless set
 * @param language the language of ZATCA's messages, {@code en} or {@code ar}
 * @param retry retries inside one call for transient failures
 * @param circuitBreaker how long a failing gateway is left alone
 */
@ConfigurationProperties("qayd.zatca")
public record ZatcaGatewaySettings(
        @DefaultValue Sandbox sandbox,
        @DefaultValue Production production,
        @DefaultValue("en") String language,
        @DefaultValue Retry retry,
        @DefaultValue CircuitBreaker circuitBreaker) {

    public record Sandbox(@DefaultValue(ZatcaGatewayConfig.EMBEDDED) String baseUrl,
                          @DefaultValue("simulation") String gateway) {
    }

    public record Production(@DefaultValue("") String baseUrl) {
    }

    public record Retry(@DefaultValue("4") int maxAttempts, @DefaultValue("PT0.5S") Duration initialBackoff,
                        @DefaultValue("PT8S") Duration maxBackoff) {
    }

    public record CircuitBreaker(@DefaultValue("PT30S") Duration openDuration) {
    }
}
