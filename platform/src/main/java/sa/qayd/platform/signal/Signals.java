package sa.qayd.platform.signal;

import java.time.Duration;

/**
 * Tells every replica that something changed, once the change is committed: a request that waits for
 * ZATCA's clearance or for a view to catch up is woken by the replica that did the work, instead of
 * polling. An announcement is a hint, never the state itself: a waiter always reads the state again
 * after waking (or after its patience ran out), so a lost announcement costs latency, never
 * correctness.
 */
public interface Signals {

    /**
     * Announces that {@code key} of {@code topic} changed: when the current transaction commits, or at
     * once outside a transaction. A rolled-back transaction announces nothing.
     */
    void announce(String topic, String key);

    /**
     * Interest in the next announcement of {@code key} of {@code topic}. Register it before checking
     * the state, so that an announcement made between the check and the wait is not missed.
     */
    Waiter waiter(String topic, String key);

    /** One registered interest; close it when done waiting. */
    interface Waiter extends AutoCloseable {

        /** True once announced (possibly before this call), false when {@code patience} ran out first. */
        boolean await(Duration patience) throws InterruptedException;

        @Override
        void close();
    }
}
