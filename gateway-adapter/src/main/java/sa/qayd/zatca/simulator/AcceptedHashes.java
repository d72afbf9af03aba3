package sa.qayd.zatca.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hashes of documents ZATCA accepted in the last 24 hours: a resubmission within that window is a duplicate
 * (409 on reporting, 208 on clearance), as ZATCA's front-end duplicate check answers since its 2025 deployment.
 */
final class AcceptedHashes {
    static final Duration WINDOW = Duration.ofHours(24);
    private static final int PRUNE_EVERY = 10_000;

    private final Clock clock;
    private final Map<String, Instant> acceptedAt = new ConcurrentHashMap<>();
    private final AtomicInteger sincePruning = new AtomicInteger();

    AcceptedHashes(Clock clock) {
        this.clock = clock;
    }

    boolean isDuplicate(String invoiceHash) {
        Instant accepted = acceptedAt.get(invoiceHash);
        return accepted != null && accepted.plus(WINDOW).isAfter(clock.instant());
    }

    void accepted(String invoiceHash) {
        acceptedAt.put(invoiceHash, clock.instant());
        if (sincePruning.incrementAndGet() >= PRUNE_EVERY) {
            sincePruning.set(0);
            Instant horizon = clock.instant().minus(WINDOW);
            acceptedAt.values().removeIf(at -> at.isBefore(horizon));
        }
    }
}
