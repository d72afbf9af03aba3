package sa.qayd.command.invoice;

import java.time.Duration;
import java.util.UUID;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import sa.qayd.api.Polling;

/**
 * Reads a document's ZATCA outcome from the write model itself (the shared event store), so the
 * answer is right whichever replica ran the submission.
 */
@Component
class InvoiceOutcomes {
    private static final Duration POLL = Duration.ofMillis(100);

    private final Repository<Invoice> invoices;

    InvoiceOutcomes(Repository<Invoice> invoices) {
        this.invoices = invoices;
    }

    Invoice.Outcome current(UUID invoiceId) {
        return DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> invoices.load(invoiceId.toString()).invoke(Invoice::outcome))
                .getPayload();
    }

    /** The outcome once the document is no longer pending, or the pending one after {@code patience}. */
    Invoice.Outcome awaitFinal(UUID invoiceId, Duration patience) throws InterruptedException {
        return Polling.until(() -> current(invoiceId), outcome -> !isPending(outcome), patience, POLL);
    }

    private static boolean isPending(Invoice.Outcome outcome) {
        return switch (outcome.status()) {
            case CLEARED, REPORTED, REJECTED -> false;
            default -> true;
        };
    }
}
