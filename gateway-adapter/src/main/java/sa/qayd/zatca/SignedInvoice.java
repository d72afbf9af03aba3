package sa.qayd.zatca;

import sa.qayd.zatca.totals.InvoiceTotals;

/**
 * A signed document. {@link #xml()} are the exact bytes that were hashed and signed: store them
 * once and send them as they are (base64 in the {@code invoice} field); never re-serialise.
 *
 * @param invoiceHash    base64 SHA-256 of the canonical invoice; the {@code invoiceHash} field of
 *                       the API call and the PIH of the unit's next document
 * @param qrBase64       the QR payload (KSA-14) to render on the printed document
 * @param signatureValue base64 ECDSA signature
 * @param signingTime    the XAdES SigningTime text
 */
public record SignedInvoice(byte[] xml, String uuid, String invoiceHash, String qrBase64, String signatureValue,
                            String signingTime, InvoiceTotals totals) {

    public SignedInvoice {
        xml = xml.clone();
    }

    @Override
    public byte[] xml() {
        return xml.clone();
    }
}
