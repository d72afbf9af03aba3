package sa.qayd.app.axon;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import sa.qayd.query.processing.EventGaps;

/**
 * Axon's JDBC event storage, except that a processor's token drops the gaps in the global index
 * that no transaction can fill any more ({@link EventGaps}) before the next events are read, so no
 * processor waits for events that will never come, nor carries the gaps on for 10,000 events.
 */
class SettlingJdbcEventStorageEngine extends JdbcEventStorageEngine {
    private final EventGaps gaps;

    SettlingJdbcEventStorageEngine(JdbcEventStorageEngine.Builder builder, EventGaps gaps) {
        super(builder);
        this.gaps = gaps;
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        TrackingToken settled = lastToken instanceof GapAwareTrackingToken gapAware ? gaps.withoutDeadGaps(gapAware) : lastToken;
        return super.fetchTrackedEvents(settled, batchSize);
    }
}
