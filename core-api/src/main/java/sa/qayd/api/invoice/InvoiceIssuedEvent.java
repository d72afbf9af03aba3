package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.UUID;
import sa.qayd.api.Environment;

/**
 * A document was numbered (ICV), chained (PIH), signed and verified by its EGS unit. {@code signedXml}
 * is the base64 of the exact signed bytes: they are hashed, sent to ZATCA and served unchanged.
 */
public record InvoiceIssuedEvent(
        UUID invoiceId,
        UUID egsUnitId,
        UUID accountId,
        Environment environment,
        InvoiceKind kind,
        DocumentType documentType,
        String invoiceNumber,
        UUID uuid,
        long icv,
        String previousInvoiceHash,
        String invoiceHash,
        String qrCode,
        String signedXml,
        InvoiceAmounts amounts,
        InvoiceDraft draft,
        Instant issuedAt) {
}
