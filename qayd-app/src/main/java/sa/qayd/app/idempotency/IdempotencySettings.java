package sa.qayd.app.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qayd.idempotency.*}: keys are honoured for {@code retention}; a first request holds its
 * key for {@code lease}, renewed every third of it while the request runs, so a retry after a
 * crash runs once the lease has lapsed.
 */
@ConfigurationProperties("qayd.idempotency")
record IdempotencySettings(@DefaultValue("P1D") Duration retention, @DefaultValue("PT30S") Duration lease) {
}
