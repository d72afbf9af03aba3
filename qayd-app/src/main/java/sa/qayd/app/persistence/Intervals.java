package sa.qayd.app.persistence;

import java.time.Duration;
import org.postgresql.util.PGInterval;

/** Durations as SQL intervals, so that time arithmetic happens on the database's one clock, not each replica's. */
public final class Intervals {

    private Intervals() {
    }

    public static PGInterval of(Duration duration) {
        return new PGInterval(0, 0, 0, 0, 0, duration.toMillis() / 1000.0);
    }
}
