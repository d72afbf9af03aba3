package sa.qayd.zatca.fatoora;

import java.util.Base64;

/**
 * Body of compliance checks, reporting and clearance.
 *
 * @param invoiceHash base64 SHA-256 of the canonical invoice, which ZATCA recomputes and compares
 * @param uuid the invoice's {@code cbc:UUID}
 * @param invoice base64 of the exact signed XML bytes
 */
public record InvoiceSubmission(String invoiceHash, String uuid, String invoice) {

    public static InvoiceSubmission of(String invoiceHash, String uuid, byte[] signedXml) {
        return new InvoiceSubmission(invoiceHash, uuid, Base64.getEncoder().encodeToString(signedXml));
    }
}
