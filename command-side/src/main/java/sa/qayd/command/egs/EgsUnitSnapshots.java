package sa.qayd.command.egs;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A unit gains an event with every document it issues, and is loaded for every next one: without
 * snapshots, issuing would slow down with the unit's age. A snapshot every few hundred events keeps
 * each load short.
 */
@Configuration(proxyBeanMethods = false)
class EgsUnitSnapshots {
    static final String TRIGGER = "egsUnitSnapshotTrigger";

    @Bean(TRIGGER)
    SnapshotTriggerDefinition egsUnitSnapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${qayd.egs.snapshot-every:250}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
