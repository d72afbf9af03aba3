package sa.qayd.app.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value that costs a query to read, read at most once per {@code maxAge} however many gauges ask for it
 * during a scrape (and however many scrapers there are).
 */
public final class Reading<T> {
    private final Supplier<T> source;
    private final Duration maxAge;
    private final Clock clock;
    private T value;
    private Instant readAt = Instant.MIN;

    public Reading(Supplier<T> source, Duration maxAge, Clock clock) {
        this.source = source;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public synchronized T get() {
        Instant now = clock.instant();
        if (value == null || !now.isBefore(readAt.plus(maxAge))) {
            value = source.get();
            readAt = now;
        }
        return value;
    }
}
