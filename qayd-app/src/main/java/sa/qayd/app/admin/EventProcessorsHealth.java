package sa.qayd.app.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of this replica's event processors: DOWN while one of them is stopped or in error (it keeps
 * failing on an event or cannot reach the database), since the views and webhooks it feeds stand still.
 * Known from this replica's own processors only: no query, so probes stay cheap.
 */
@Component("eventProcessorsHealthIndicator")
class EventProcessorsHealth implements HealthIndicator {
    private final EventProcessingConfiguration processing;

    EventProcessorsHealth(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Map<String, String> states = new LinkedHashMap<>();
        boolean healthy = true;
        for (EventProcessor processor : processing.eventProcessors().values()) {
            String state = processor.isError() ? "error" : processor.isRunning() ? "running" : "stopped";
            healthy &= state.equals("running");
            states.put(processor.getName(), state);
        }
        return (healthy ? Health.up() : Health.down()).withDetails(states).build();
    }
}
