package sa.qayd.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code qayd.login.*}: see {@link LoginThrottle}. */
@ConfigurationProperties("qayd.login")
record LoginSettings(@DefaultValue("10") int maxFailures, @DefaultValue("PT15M") Duration failureWindow,
                     @DefaultValue("PT1M") Duration backoff) {
}
