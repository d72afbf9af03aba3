package sa.qayd.command.invoice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.invoice.InvoiceAmounts;

/**
 * The issued document as the API answers it. {@code signed_xml} is base64 of the document to share:
 * the signed one, or for standard documents ZATCA's cleared one once cleared.
 */
public record InvoiceAnswer(UUID id, UUID egsUnitId, String kind, String documentType, String invoiceNumber, long icv,
                            UUID uuid, String invoiceHash, String qrCode, String status, InvoiceAmounts amounts,
                            List<ZatcaMessage> zatcaMessages, String signedXml, String pdfUrl, String signedXmlUrl,
                            Instant issuedAt) {
}
