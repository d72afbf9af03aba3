package sa.qayd.command.egs;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A unit gains an event with every document it issues, and is loaded for every next one: without
 * snapshots, issuing would slow down with the unit's age. A snapshot every few hundred events keeps
 * each load short.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EgsUnitSnapshots.SnapshotSetting.class)
class EgsUnitSnapshots {
    static final String TRIGGER = "egsUnitSnapshotTrigger";

    /** {@code qayd.egs.snapshot-every}: a unit is snapshotted every so many events. */
    @ConfigurationProperties("qayd.egs")
    record SnapshotSetting(@DefaultValue("250") int snapshotEvery) {
    }

    @Bean(TRIGGER)
    SnapshotTriggerDefinition egsUnitSnapshotTrigger(Snapshotter snapshotter, SnapshotSetting setting) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, setting.snapshotEvery());
    }
}
