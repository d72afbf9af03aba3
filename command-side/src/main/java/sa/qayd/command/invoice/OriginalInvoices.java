package sa.qayd.command.invoice;

import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.OriginalInvoice;
import sa.qayd.api.invoice.OriginalInvoiceQuery;
import sa.qayd.command.registrations.EventStoreRegistrations;

/**
 * Answers what a note needs of its original from the original's own issued event: current the moment
 * the original was issued (a view could lag behind), and unchanged ever after.
 */
@Component
class OriginalInvoices {
    private final EventStoreRegistrations registrations;

    OriginalInvoices(EventStoreRegistrations registrations) {
        this.registrations = registrations;
    }

    @QueryHandler
    Optional<OriginalInvoice> handle(OriginalInvoiceQuery query) {
        return registrations.issued(query.invoiceId()).map(OriginalInvoice::of);
    }
}
