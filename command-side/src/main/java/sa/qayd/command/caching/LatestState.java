package sa.qayd.command.caching;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Makes cached aggregates safe where several replicas share one event store. Appends are safe without
 * it: an aggregate that is behind appends at a sequence number another replica has taken, the event
 * store's unique key refuses it, and the command is retried on the stored state. A decision without an
 * append is not: a cached unit that missed its activation on another replica would refuse to issue.
 * So a cached aggregate first compares its version with the event store's last sequence number (one
 * index lookup) and, when it is behind, fails as a lost race: Axon drops it from the cache and the
 * command gateway retries the command on the aggregate loaded afresh.
 */
@Component
public class LatestState {
    private final EventStore events;

    public LatestState(EventStore events) {
        this.events = events;
    }

    /** Called from a command handler interceptor of the aggregate {@code aggregateId}. */
    public void require(UUID aggregateId) {
        Long version = AggregateLifecycle.getVersion();
        Long stored = events.lastSequenceNumberFor(aggregateId.toString()).orElse(null);
        if (!Objects.equals(version, stored)) {
            throw new ConcurrencyException("aggregate " + aggregateId + " is at version " + stored
                    + " in the event store, not " + version + " as this replica had it");
        }
    }
}
