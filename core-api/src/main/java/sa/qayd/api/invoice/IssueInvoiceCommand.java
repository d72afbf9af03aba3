package sa.qayd.api.invoice;

import java.util.UUID;
import sa.qayd.api.Environment;

/**
 * One document for an EGS unit to issue, sent within an {@link IssueInvoicesCommand}. The unit
 * decides: it must belong to the caller's account and environment and be active; it then numbers the
 * document in its own sequence.
 */
public record IssueInvoiceCommand(
        UUID egsUnitId,
        UUID invoiceId,
        UUID accountId,
        Environment environment,
        InvoiceKind kind,
        DocumentType documentType,
        InvoiceDraft draft) {
}
