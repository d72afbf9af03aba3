package sa.qayd.command.zatca;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter for retries that wait on ZATCA, capped at {@code max}. */
public record Backoff(Duration initial, Duration max) {

    public Duration delayBefore(int attempt) {
        long cap = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }
}
