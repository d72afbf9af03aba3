package sa.qayd.api.invoice;

import java.util.UUID;
import sa.qayd.api.Environment;

/**
 * What a credit or debit note needs to know of the Qayd document it amends, as that document was issued
 * (none of it ever changes): whose it is, what it is, and the number the note refers to.
 */
public record OriginalInvoice(UUID invoiceId, UUID accountId, Environment environment, DocumentType documentType,
                              InvoiceKind kind, String invoiceNumber) {

    public static OriginalInvoice of(InvoiceIssuedEvent issued) {
        return new OriginalInvoice(issued.invoiceId(), issued.accountId(), issued.environment(), issued.documentType(),
                issued.kind(), issued.invoiceNumber());
    }
}
