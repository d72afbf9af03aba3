package sa.qayd.api.invoice;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import sa.qayd.api.Environment;

/**
 * Asks an EGS unit to issue a document. The unit decides: it must belong to the caller's account
 * and environment and be active; it then numbers the document in its own sequence.
 */
public record IssueInvoiceCommand(
        @TargetAggregateIdentifier UUID egsUnitId,
        UUID invoiceId,
        UUID accountId,
        Environment environment,
        InvoiceKind kind,
        DocumentType documentType,
        InvoiceDraft draft) {
}
