package sa.qayd.app.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import sa.qayd.api.Environment;
import sa.qayd.command.zatca.WorkKind;
import sa.qayd.command.zatca.ZatcaWorkQueue;
import sa.qayd.command.zatca.ZatcaWorkQueue.BacklogByState;
import sa.qayd.command.zatca.ZatcaWorkQueue.WorkState;
import sa.qayd.command.zatca.ZatcaWorker;

/**
 * What waits for ZATCA across all replicas ({@code zatca_work}): {@code qayd.zatca.backlog} by environment,
 * kind and state, {@code qayd.zatca.backlog.oldest.age} since the oldest waiting document was issued (or the
 * unit's step was asked for); and this replica's worker: calls in flight per lane, work finished. Every
 * combination is a series from the start, zero while nothing waits, so alerts never miss an absent one.
 */
final class ZatcaWorkMetrics implements MeterBinder {
    private final Reading<List<BacklogByState>> backlog;
    private final ZatcaWorker worker;
    private final Clock clock;

    ZatcaWorkMetrics(ZatcaWorkQueue queue, ZatcaWorker worker, MetricsSettings settings, Clock clock) {
        this.backlog = new Reading<>(queue::backlogByState, settings.readingsMaxAge(), clock);
        this.worker = worker;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        for (Environment environment : Environment.values()) {
            for (WorkKind kind : WorkKind.values()) {
                for (WorkState state : WorkState.values()) {
                    Gauge.builder("qayd.zatca.backlog", () -> count(environment, kind, state))
                            .description("ZATCA work waiting across all replicas")
                            .tags("environment", environment.wireName(), "kind", name(kind), "state", name(state))
                            .register(meters);
                }
                TimeGauge.builder("qayd.zatca.backlog.oldest.age", () -> oldestAgeSeconds(environment, kind),
                                TimeUnit.SECONDS)
                        .description("Age of the oldest ZATCA work waiting (0 when none waits)")
                        .tags("environment", environment.wireName(), "kind", name(kind))
                        .register(meters);
            }
            for (WorkKind.Lane lane : WorkKind.Lane.values()) {
                Gauge.builder("qayd.zatca.worker.in.flight", () -> worker.inFlight(environment, lane))
                        .description("ZATCA calls this replica's worker has in flight")
                        .tags("environment", environment.wireName(), "lane", name(lane))
                        .register(meters);
            }
        }
        FunctionCounter.builder("qayd.zatca.worker.settled", worker, ZatcaWorker::settled)
                .description("ZATCA work this replica's worker finished")
                .register(meters);
    }

    private long count(Environment environment, WorkKind kind, WorkState state) {
        return backlog.get().stream()
                .filter(row -> row.environment() == environment && row.kind() == kind && row.state() == state)
                .mapToLong(BacklogByState::count).sum();
    }

    private double oldestAgeSeconds(Environment environment, WorkKind kind) {
        Instant now = clock.instant();
        return backlog.get().stream()
                .filter(row -> row.environment() == environment && row.kind() == kind)
                .map(BacklogByState::oldest).min(Instant::compareTo)
                .map(oldest -> Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0)).orElse(0.0);
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
