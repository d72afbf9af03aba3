package sa.qayd.app.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code qayd.http.*}: the largest request body any endpoint reads. A megabyte carries an invoice
 * of a thousand lines several times over; larger bodies are refused before they are read.
 */
@ConfigurationProperties("qayd.http")
public record HttpLimits(@DefaultValue("1MB") DataSize maxBodySize) {
}
