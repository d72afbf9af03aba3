package sa.qayd.platform.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter, capped at {@code max}: the pause before attempt n is drawn from
 * [cap/2, cap] with cap = min(max, initial × 2^(n-1)), so that clients coming back from an outage
 * (ZATCA for us, a webhook receiver for our deliveries) are not hit by every replica at once.
 */
public record Backoff(Duration initial, Duration max) {

    public Duration delayBefore(int attempt) {
        long cap = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }
}
