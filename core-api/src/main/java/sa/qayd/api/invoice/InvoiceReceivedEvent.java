package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.UUID;
import sa.qayd.api.Environment;

/**
 * A document request passed validation and was accepted by its EGS unit as number
 * {@code sequenceNumber} of that unit. Building, signing and submitting it follow from here.
 */
public record InvoiceReceivedEvent(
        UUID invoiceId,
        UUID egsUnitId,
        UUID accountId,
        Environment environment,
        InvoiceKind kind,
        DocumentType documentType,
        long sequenceNumber,
        InvoiceDraft draft,
        Instant receivedAt) {
}
