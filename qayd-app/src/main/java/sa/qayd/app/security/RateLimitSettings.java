package sa.qayd.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code qayd.rate-limits.*}: how many requests a client may make, as a bucket of {@code requests}
 * that refills evenly over {@code per}. Sign-up and log-in are counted per client address, the API
 * per account (per client address before authentication). Each replica counts for itself.
 */
@ConfigurationProperties("qayd.rate-limits")
record RateLimitSettings(Limit signUp, Limit logIn, Limit api) {

    record Limit(int requests, Duration per) {
    }
}
