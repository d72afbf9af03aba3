package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import sa.qayd.api.Environment;

/**
 * A document was numbered (ICV), chained (PIH), signed and verified by its EGS unit. {@code signedXml}
 * is the base64 of the exact signed bytes: they are hashed, sent to ZATCA and served unchanged.
 * {@code signingKeyId} names the unit's key (and production CSID) that signed it, which is the one
 * the document is submitted with even after the unit renewed its certificate (empty: the unit's
 * first key, from before key ids). {@code apiKeyId} is the API key that issued it (revision 2; null in
 * revision 1, which did not record it).
 */
@Revision("2")
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
        Instant issuedAt,
        String signingKeyId,
        UUID apiKeyId) {
    public InvoiceIssuedEvent {
        signingKeyId = signingKeyId == null ? "" : signingKeyId;
    }
}
