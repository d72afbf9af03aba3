package sa.qayd.zatca.qr;

/**
 * The nine QR values.
 *
 * @param timestamp            {@code IssueDate + "T" + IssueTime} exactly as in the XML
 * @param totalWithVat         {@code TaxInclusiveAmount} text as in the XML
 * @param vatTotal             VAT total in SAR (the first {@code TaxTotal/TaxAmount}, BT-111) text as in the XML
 * @param invoiceHash          the base64 invoice hash text
 * @param signature            the base64 SignatureValue text
 * @param publicKey            DER SubjectPublicKeyInfo of the signing key
 * @param certificateSignature DER signature from the certificate; null for standard documents
 */
public record QrFields(String sellerName, String vatNumber, String timestamp, String totalWithVat, String vatTotal,
                       String invoiceHash, String signature, byte[] publicKey, byte[] certificateSignature) {
}
