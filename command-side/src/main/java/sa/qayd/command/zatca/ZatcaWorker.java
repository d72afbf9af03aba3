package sa.qayd.command.zatca;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import sa.qayd.api.Environment;
import sa.qayd.platform.tracing.TraceParent;

/**
 * Calls ZATCA for the work in {@link ZatcaWorkQueue}, outside any aggregate lock or transaction.
 * Every replica runs one worker; each gateway (sandbox, production) has two lanes with their own bound
 * on calls in flight: urgent (clearance, onboarding, renewal: somebody waits) and background
 * (reporting), so a reporting backlog never delays a clearance. Throughput comes from overlapping
 * calls: with ZATCA taking hundreds of milliseconds per call, a lane of 128 calls in flight reports
 * a few hundred documents a second. A 429 with Retry-After pauses every lane of that gateway until
 * then, and an open circuit breaker stops the claims until it lets calls through again.
 */
@Component
public class ZatcaWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ZatcaWorker.class);

    private final ZatcaWorkQueue queue;
    private final Map<WorkKind, ZatcaTask> tasks = new EnumMap<>(WorkKind.class);
    private final ZatcaGateways gateways;
    private final ZatcaWorkSettings settings;
    private final Clock clock;
    private final Map<Environment, AtomicReference<Instant>> pausedUntil = new EnumMap<>(Environment.class);
    private final List<LaneRunner> lanes = new ArrayList<>();
    private final AtomicLong settled = new AtomicLong();
    private final ObservationRegistry observations;
    private volatile boolean running;

    public ZatcaWorker(ZatcaWorkQueue queue, List<ZatcaTask> tasks, ZatcaGateways gateways, ZatcaWorkSettings settings,
                       Clock clock, ObjectProvider<ObservationRegistry> observations) {
        this.queue = queue;
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        for (ZatcaTask task : tasks) {
            task.kinds().forEach(kind -> {
                if (this.tasks.put(kind, task) != null) {
                    throw new IllegalStateException("two tasks for " + kind);
                }
            });
        }
        for (WorkKind kind : WorkKind.values()) {
            if (!this.tasks.containsKey(kind)) {
                throw new IllegalStateException("no task for " + kind);
            }
        }
        this.gateways = gateways;
        this.settings = settings;
        this.clock = clock;
        for (Environment environment : Environment.values()) {
            pausedUntil.put(environment, new AtomicReference<>(Instant.MIN));
            for (WorkKind.Lane lane : WorkKind.Lane.values()) {
                if (settings.concurrency(lane) > 0) {
                    lanes.add(new LaneRunner(environment, lane));
                }
            }
        }
    }

    /** Work of this lane became due in this process: look now rather than at the next poll. */
    public void wake(Environment environment, WorkKind.Lane lane) {
        for (LaneRunner runner : lanes) {
            if (runner.environment == environment && runner.lane == lane) {
                runner.wake();
            }
        }
    }

    /** Work this replica's worker has finished (documents settled, unit steps done) since it started. */
    public long settled() {
        return settled.get();
    }

    /** Calls in flight per lane, for operators. */
    public Map<String, Integer> inFlight() {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        lanes.forEach(runner -> counts.put(runner.name, runner.claims.size()));
        return counts;
    }

    /** Calls in flight in one lane of one gateway. */
    public int inFlight(Environment environment, WorkKind.Lane lane) {
        return lanes.stream().filter(runner -> runner.environment == environment && runner.lane == lane)
                .mapToInt(runner -> runner.claims.size()).sum();
    }

    @Override
    public void start() {
        running = true;
        lanes.forEach(LaneRunner::start);
    }

    @Override
    public void stop() {
        running = false;
        lanes.forEach(LaneRunner::wake);
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        for (LaneRunner runner : lanes) {
            runner.finish(Math.max(0, deadline - System.nanoTime()));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the command bus and the event processors are up; stopped before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private Instant retryAt(WorkKind kind, int attempts) {
        return clock.instant().plus(tasks.get(kind).backoff().delayBefore(attempts));
    }

    private boolean gatewayOpen(Environment environment) {
        return clock.instant().isAfter(pausedUntil.get(environment).get()) && gateways.acceptsCalls(environment);
    }

    private void pause(Environment environment, Instant until) {
        pausedUntil.get(environment).accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
        log.warn("ZATCA's {} gateway asked to wait: no calls to it until {}", environment.wireName(), until);
    }

    /** One lane of one gateway: claims due work while it has room, runs each claim on its own thread. */
    private final class LaneRunner implements Runnable {
        private final Environment environment;
        private final WorkKind.Lane lane;
        private final String name;
        private final Semaphore room;
        private final ExecutorService calls;
        private final Object signal = new Object();
        /** Claims in flight, by claim token. */
        private final Map<UUID, ZatcaWork> claims = new ConcurrentHashMap<>();
        private boolean woken;
        private Thread thread;
        private Instant leasesRenewedAt = Instant.MIN;

        LaneRunner(Environment environment, WorkKind.Lane lane) {
            this.environment = environment;
            this.lane = lane;
            this.name = "zatca-" + environment.wireName() + "-" + lane.name().toLowerCase(java.util.Locale.ROOT);
            int concurrency = settings.concurrency(lane);
            this.room = new Semaphore(concurrency);
            this.calls = Executors.newFixedThreadPool(concurrency, threads(name));
        }

        void start() {
            thread = new Thread(this, name);
            thread.setDaemon(true);
            thread.start();
        }

        void wake() {
            synchronized (signal) {
                woken = true;
                signal.notifyAll();
            }
        }

        @Override
        public void run() {
            while (running) {
                try {
                    renewLeasesWhenDue();
                    int free = room.availablePermits();
                    if (free == 0 || !gatewayOpen(environment)) {
                        sleep();
                        continue;
                    }
                    Instant now = clock.instant();
                    List<ZatcaWork> claimed = queue.claim(environment, lane, Math.min(free, settings.claimBatch()), now,
                            now.plus(settings.lease()), ZatcaWorker.this::retryAt);
                    if (claimed.isEmpty()) {
                        sleep();
                        continue;
                    }
                    for (ZatcaWork work : claimed) {
                        room.acquireUninterruptibly();
                        claims.put(work.claim(), work);
                        calls.execute(() -> execute(work));
                    }
                } catch (RuntimeException e) {
                    // the database may be restarting: the claims this lane holds stay leased, nothing is lost
                    log.warn("ZATCA lane {} could not claim work: {}", name, e.toString());
                    sleep();
                }
            }
        }

        /** In the trace of the request that made the work due, so its log lines and ZATCA calls show up there. */
        private void execute(ZatcaWork work) {
            TraceParent.continuing("qayd.zatca.work", work.traceparent(), observations)
                    .contextualName("zatca " + work.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .lowCardinalityKeyValue("environment", environment.wireName())
                    .lowCardinalityKeyValue("kind", work.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .highCardinalityKeyValue("qayd.work.id", work.id().toString())
                    .highCardinalityKeyValue("qayd.work.attempt", Integer.toString(work.attempts()))
                    .observe(() -> attempt(work));
        }

        private void attempt(ZatcaWork work) {
            try {
                ZatcaTask.Result result = tasks.get(work.kind()).run(work);
                if (result instanceof ZatcaTask.Retry retry) {
                    if (retry.gatewayBusy()) {
                        pause(environment, retry.at());
                    }
                    queue.reschedule(work, retry.at(), retry.reason());
                    log.debug("ZATCA work {} {} tried again at {}: {}", work.kind(), work.id(), retry.at(), retry.reason());
                } else {
                    if (!(result instanceof ZatcaTask.Settled)) {
                        queue.complete(work);
                    }
                    settled.incrementAndGet();
                    log.debug("ZATCA work {} {} done after {} attempts", work.kind(), work.id(), work.attempts());
                }
            } catch (RuntimeException e) {
                log.error("ZATCA work {} {} failed unexpectedly; it is tried again later", work.kind(), work.id(), e);
                try {
                    queue.reschedule(work, work.retryAt(), "internal error: " + e);
                } catch (RuntimeException cannotReschedule) {
                    log.warn("ZATCA work {} stays claimed until its lease ends: {}", work.id(), cannotReschedule.toString());
                }
            } finally {
                claims.remove(work.claim());
                room.release();
                wake();
            }
        }

        private void renewLeasesWhenDue() {
            Instant now = clock.instant();
            if (now.isBefore(leasesRenewedAt.plus(settings.lease().dividedBy(3)))) {
                return;
            }
            queue.renewLeases(Set.copyOf(claims.keySet()), now.plus(settings.lease()));
            leasesRenewedAt = now;
        }

        private void sleep() {
            synchronized (signal) {
                if (!woken && running) {
                    try {
                        signal.wait(settings.pollInterval().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
        }

        /** Waits for the calls in flight up to {@code nanos}, then hands what is left back to the queue. */
        void finish(long nanos) {
            calls.shutdown();
            try {
                if (!calls.awaitTermination(nanos, TimeUnit.NANOSECONDS)) {
                    calls.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (ZatcaWork unfinished : List.copyOf(claims.values())) {
                try {
                    queue.reschedule(unfinished, clock.instant(), "the replica stopped during the call");
                } catch (RuntimeException e) {
                    log.warn("could not hand back ZATCA work {}; it is taken over when its lease ends", unfinished.id());
                }
            }
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
