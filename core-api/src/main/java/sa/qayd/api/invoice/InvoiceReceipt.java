package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.UUID;

/** What the EGS unit answers when it issued a document: its number, chain position and signed form. */
public record InvoiceReceipt(UUID invoiceId, UUID egsUnitId, String invoiceNumber, long icv, UUID uuid,
                             String invoiceHash, String qrCode, String signedXml, InvoiceAmounts amounts,
                             Instant issuedAt) {
}
