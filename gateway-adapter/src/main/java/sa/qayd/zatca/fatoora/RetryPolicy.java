package sa.qayd.zatca.fatoora;

import java.time.Duration;

/**
 * Bounded retries of transient failures with exponential backoff and jitter.
 *
 * @param maxAttempts attempts in total, the first one included
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }
}
