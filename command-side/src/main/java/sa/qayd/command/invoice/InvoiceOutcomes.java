package sa.qayd.command.invoice;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.invoice.InvoiceClearedEvent;
import sa.qayd.api.invoice.InvoiceFailedEvent;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceRejectedEvent;
import sa.qayd.api.invoice.InvoiceReportedEvent;
import sa.qayd.api.invoice.InvoiceReportingDeadlineNearEvent;
import sa.qayd.api.invoice.InvoiceReportingOverdueEvent;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceStatus;

/**
 * Where a document stands with ZATCA, read from its own events in the shared event store: right
 * whichever replica settled it, and never behind a view.
 */
@Component
class InvoiceOutcomes {
    private final EventStore events;

    InvoiceOutcomes(EventStore events) {
        this.events = events;
    }

    /** Status, ZATCA's cleared document (base64) once cleared, and ZATCA's messages. */
    public record Outcome(InvoiceStatus status, String clearedXml, List<ZatcaMessage> zatcaMessages) {
        /** A document just issued, before ZATCA had a say. */
        public static Outcome pending(InvoiceKind kind) {
            return new Outcome(InvoiceStatus.pendingFor(kind), null, List.of());
        }
    }

    /** The document's issued event, if a document with this id exists. */
    Optional<InvoiceIssuedEvent> issued(UUID invoiceId) {
        DomainEventStream stream = events.readEvents(invoiceId.toString());
        return stream.hasNext() && stream.next().getPayload() instanceof InvoiceIssuedEvent issued
                ? Optional.of(issued) : Optional.empty();
    }

    Outcome current(UUID invoiceId) {
        Outcome outcome = null;
        DomainEventStream stream = events.readEvents(invoiceId.toString());
        while (stream.hasNext()) {
            Object event = stream.next().getPayload();
            if (event instanceof InvoiceIssuedEvent issued) {
                outcome = new Outcome(InvoiceStatus.pendingFor(issued.kind()), null, List.of());
            } else if (event instanceof InvoiceReportingDeadlineNearEvent) {
                outcome = new Outcome(InvoiceStatus.REPORTING_DEADLINE_NEAR, null, List.of());
            } else if (event instanceof InvoiceReportingOverdueEvent) {
                outcome = new Outcome(InvoiceStatus.REPORTING_OVERDUE, null, List.of());
            } else if (event instanceof InvoiceClearedEvent cleared) {
                outcome = new Outcome(InvoiceStatus.CLEARED, cleared.clearedXml(), cleared.warnings());
            } else if (event instanceof InvoiceReportedEvent reported) {
                outcome = new Outcome(InvoiceStatus.REPORTED, null, reported.warnings());
            } else if (event instanceof InvoiceRejectedEvent rejected) {
                outcome = new Outcome(InvoiceStatus.REJECTED, null, concat(rejected.errors(), rejected.warnings()));
            } else if (event instanceof InvoiceFailedEvent failed) {
                outcome = new Outcome(InvoiceStatus.FAILED, null, failed.messages());
            }
        }
        if (outcome == null) {
            throw new IllegalStateException("invoice " + invoiceId + " has no issued event");
        }
        return outcome;
    }

    private static List<ZatcaMessage> concat(List<ZatcaMessage> first, List<ZatcaMessage> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
