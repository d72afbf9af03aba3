package sa.qayd.query.invoice;

import java.util.Base64;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import sa.qayd.api.invoice.InvoiceClearedEvent;
import sa.qayd.api.invoice.InvoiceIssuedEvent;

/**
 * An invoice's own events, read where the view is not the answer. The event store holds every signed
 * and cleared document byte for byte, so invoice_view keeps no second copy: one would double the
 * storage of every document and make every rebuild rewrite all of them. And an invoice just issued
 * is in the event store before the view has caught up with it.
 */
@Component
class InvoiceEvents {
    private final EventStore events;

    InvoiceEvents(EventStore events) {
        this.events = events;
    }

    /** ZATCA's cleared XML once cleared, else the signed XML. */
    byte[] sharedXml(UUID invoiceId) {
        String xml = null;
        DomainEventStream stream = events.readEvents(invoiceId.toString());
        while (stream.hasNext()) {
            Object payload = stream.next().getPayload();
            if (payload instanceof InvoiceIssuedEvent issued) {
                xml = issued.signedXml();
            } else if (payload instanceof InvoiceClearedEvent cleared) {
                xml = cleared.clearedXml();
            }
        }
        if (xml == null) {
            throw new IllegalStateException("invoice " + invoiceId + " is in invoice_view but has no issued event");
        }
        return Base64.getDecoder().decode(xml);
    }

    /** Whether the account issued this invoice (its first event says so), whatever the view knows yet. */
    boolean issuedBy(UUID accountId, UUID invoiceId) {
        DomainEventStream stream = events.readEvents(invoiceId.toString());
        return stream.hasNext() && stream.next().getPayload() instanceof InvoiceIssuedEvent issued
                && issued.accountId().equals(accountId);
    }
}
