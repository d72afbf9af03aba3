package sa.qayd.command.registrations;

import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import sa.qayd.api.account.AccountRegisteredEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.command.account.AccountRegistrations;
import sa.qayd.command.egs.EgsUnitRegistrations;

/**
 * The facts an aggregate recorded in its first event, which never change: read from the event store
 * itself, so they are there the moment the command that created the aggregate committed, without
 * loading (or locking) the aggregate whose facts they are.
 */
@Component
public class EventStoreRegistrations implements AccountRegistrations, EgsUnitRegistrations {
    private final EventStore events;

    public EventStoreRegistrations(EventStore events) {
        this.events = events;
    }

    @Override
    public Optional<AccountRegisteredEvent> account(UUID accountId) {
        return first(accountId, AccountRegisteredEvent.class);
    }

    @Override
    public Optional<EgsUnitRegisteredEvent> unit(UUID egsUnitId) {
        return first(egsUnitId, EgsUnitRegisteredEvent.class);
    }

    public Optional<InvoiceIssuedEvent> issued(UUID invoiceId) {
        return first(invoiceId, InvoiceIssuedEvent.class);
    }

    /** Empty when the aggregate does not exist, or is of another type (ids of all aggregates share one space). */
    private <T> Optional<T> first(UUID aggregateId, Class<T> type) {
        // from the first event on, so a snapshot never stands in for it
        DomainEventStream stream = events.readEvents(aggregateId.toString(), 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        Object payload = stream.next().getPayload();
        return type.isInstance(payload) ? Optional.of(type.cast(payload)) : Optional.empty();
    }
}
