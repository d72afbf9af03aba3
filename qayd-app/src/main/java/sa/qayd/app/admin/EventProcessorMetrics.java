package sa.qayd.app.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import sa.qayd.app.observability.MetricsSettings;
import sa.qayd.app.observability.Reading;

/**
 * The event processors as GET /admin/processors shows them, as gauges per processor: {@code
 * qayd.event.processor.lag} (global positions behind the newest event, across replicas), {@code
 * qayd.event.processor.replay.progress} (0..1; 1 when no replay runs) and {@code qayd.event.processor.dead.letters}
 * (sequences waiting in the dead-letter queue). Registered once Axon's processors exist.
 */
@Component
class EventProcessorMetrics {
    private final EventProcessors processors;
    private final MeterRegistry meters;
    private final Reading<List<ProcessorView>> views;

    EventProcessorMetrics(EventProcessors processors, MeterRegistry meters, MetricsSettings settings, Clock clock) {
        this.processors = processors;
        this.meters = meters;
        this.views = new Reading<>(processors::all, settings.readingsMaxAge(), clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (ProcessorView processor : processors.all()) {
            String name = processor.name();
            if (processor.lag() != null) {
                gauge("qayd.event.processor.lag", name, "Global event positions the processor is behind", ProcessorView::lag);
                gauge("qayd.event.processor.replay.progress", name, "Progress of a replay (1 when none runs)",
                        view -> view.replayProgress() == null ? 1.0 : view.replayProgress());
            }
            if (processor.deadLetters() != null) {
                gauge("qayd.event.processor.dead.letters", name, "Sequences in the processor's dead-letter queue",
                        ProcessorView::deadLetters);
            }
        }
    }

    private void gauge(String metric, String processor, String description, ToDoubleFunction<ProcessorView> value) {
        Gauge.builder(metric, () -> current(processor).map(view -> value.applyAsDouble(view)).orElse(Double.NaN))
                .description(description).tag("processor", processor).register(meters);
    }

    private Optional<ProcessorView> current(String processor) {
        return views.get().stream().filter(view -> view.name().equals(processor)).findFirst();
    }
}
