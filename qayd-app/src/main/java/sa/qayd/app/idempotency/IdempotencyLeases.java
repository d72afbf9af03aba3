package sa.qayd.app.idempotency;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Renews the leases of the keys whose first request runs in this process, every third of the
 * lease. A process that dies stops renewing, so its keys are free again within one lease.
 */
@Component
class IdempotencyLeases implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(IdempotencyLeases.class);

    record Held(String scope, String key) {
    }

    private final Set<Held> running = ConcurrentHashMap.newKeySet();
    private final IdempotencyRecords records;
    private final IdempotencySettings settings;
    private volatile ScheduledExecutorService renewer;

    IdempotencyLeases(IdempotencyRecords records, IdempotencySettings settings) {
        this.records = records;
        this.settings = settings;
    }

    void hold(Held held) {
        running.add(held);
    }

    void release(Held held) {
        running.remove(held);
    }

    private void renew() {
        try {
            if (!running.isEmpty()) {
                records.renewLeases(Set.copyOf(running), settings.lease());
            }
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again; the next round tries again
            log.warn("Renewing idempotency leases failed", e);
        }
    }

    @Override
    public void start() {
        renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idempotency-leases");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, settings.lease().toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        renewer.shutdownNow();
        renewer = null;
    }

    @Override
    public boolean isRunning() {
        return renewer != null;
    }
}
