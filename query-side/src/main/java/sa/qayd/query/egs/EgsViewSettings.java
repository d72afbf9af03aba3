package sa.qayd.query.egs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code qayd.egs.certificate-expiry-warning}: GET /v1/egs/{id} warns when the production certificate ends within it. */
@ConfigurationProperties("qayd.egs")
record EgsViewSettings(@DefaultValue("P30D") Duration certificateExpiryWarning) {
}
