package sa.qayd.app.observability;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param readingsMaxAge how old a gauge read from the database (ZATCA backlog, processor positions) may be
 *                       when scraped: one query serves every gauge and scraper within it
 */
@ConfigurationProperties("qayd.metrics")
public record MetricsSettings(@DefaultValue("PT5S") Duration readingsMaxAge) {
}
