package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.UUID;

/** What the EGS unit answers when it issued a document: its kind, number, chain position and signed form. */
public record InvoiceReceipt(UUID invoiceId, UUID egsUnitId, InvoiceKind kind, String invoiceNumber, long icv, UUID uuid,
                             String invoiceHash, String qrCode, String signedXml, InvoiceAmounts amounts,
                             Instant issuedAt) {

    /** The receipt of a document issued before, from its event. */
    public static InvoiceReceipt of(InvoiceIssuedEvent issued) {
        return new InvoiceReceipt(issued.invoiceId(), issued.egsUnitId(), issued.kind(), issued.invoiceNumber(), issued.icv(),
                issued.uuid(), issued.invoiceHash(), issued.qrCode(), issued.signedXml(), issued.amounts(),
                issued.issuedAt());
    }
}
