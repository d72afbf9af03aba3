package sa.qayd.api;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Reads until the answer is final or patience runs out, for writes that answer once a read catches up. */
public final class Polling {
    private Polling() {
    }

    /** The first read that is {@code done}, or the last read when {@code patience} ran out. */
    public static <T> T until(Supplier<T> read, Predicate<T> done, Duration patience, Duration interval)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(patience);
        T value = read.get();
        while (!done.test(value) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(interval.toMillis());
            value = read.get();
        }
        return value;
    }
}
