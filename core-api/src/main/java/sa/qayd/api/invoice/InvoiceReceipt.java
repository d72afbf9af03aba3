package sa.qayd.api.invoice;

import java.util.UUID;

/** What the EGS unit answers when it accepts a document. */
public record InvoiceReceipt(UUID invoiceId, UUID egsUnitId, String invoiceNumber, long sequenceNumber) {
}
