package sa.qayd.query.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qayd.webhooks.*}. Deliveries are retried from {@code retry-initial}, doubling up to
 * {@code retry-max}, until {@code retry-for} has passed since the first attempt (or a redelivery).
 */
@ConfigurationProperties("qayd.webhooks")
record WebhookSettings(
        @DefaultValue("false") boolean allowInsecureLoopback,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("30s") Duration retryInitial,
        @DefaultValue("1h") Duration retryMax,
        @DefaultValue("24h") Duration retryFor) {

    /**
     * How long a claimed delivery is hidden from the other replicas: longer than any attempt can
     * take, so that only a replica that died mid-attempt lets another one try again.
     */
    Duration claimLease() {
        return connectTimeout.plus(requestTimeout).plusSeconds(30);
    }
}
