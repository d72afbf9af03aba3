package sa.qayd.app.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code qayd.embedded-postgres.*}, used when no {@code spring.datasource.url} is set.
 *
 * @param port its port on loopback; 0 picks a free one
 * @param durable fsync, synchronous commit and full-page writes on: tax records. Only tests of throwaway
 *     databases turn it off
 */
@ConfigurationProperties("qayd.embedded-postgres")
record EmbeddedPostgresSettings(@DefaultValue("0") int port, @DefaultValue("true") boolean durable) {
}
