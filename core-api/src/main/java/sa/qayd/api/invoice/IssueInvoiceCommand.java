package sa.qayd.api.invoice;

import java.util.UUID;
import sa.qayd.api.Environment;

/**
 * One document for an EGS unit to issue, sent within an {@link IssueInvoicesCommand}. The unit
 * decides: it must belong to the caller's account and environment and be active; it then numbers the
 * document in its own sequence.
 *
 * @param kind     simplified or standard; null for a note that takes the kind of its original
 * @param apiKeyId the API key that asked for the document
 * @param original what Qayd knows of the document a note names as its original
 *                 ({@code draft.amendment().originalInvoiceId()}): null when there is none, or no such document
 */
public record IssueInvoiceCommand(
        UUID egsUnitId,
        UUID invoiceId,
        UUID accountId,
        Environment environment,
        InvoiceKind kind,
        DocumentType documentType,
        InvoiceDraft draft,
        UUID apiKeyId,
        OriginalInvoice original) {
}
