package sa.qayd.zatca;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import sa.qayd.zatca.hash.Digests;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.qr.QrCode;
import sa.qayd.zatca.qr.QrFields;
import sa.qayd.zatca.signing.Signer;
import sa.qayd.zatca.signing.XadesSignature;
import sa.qayd.zatca.totals.InvoiceTotals;
import sa.qayd.zatca.totals.Totals;
import sa.qayd.zatca.ubl.DocumentParts;
import sa.qayd.zatca.ubl.UblInvoiceWriter;

/**
 * Issues ZATCA documents: UBL 2.1 XML, invoice hash, XAdES signature and QR in one pass. The XML is
 * written once, already canonical, so the hash is taken over the same bytes that are returned.
 * Thread-safe; no Spring needed.
 */
public final class ZatcaDocuments {

    /** ZATCA wants local Saudi time in IssueTime and SigningTime. */
    public static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    private ZatcaDocuments() {
    }

    /** Signs now (Riyadh time). */
    public static SignedInvoice issue(InvoiceToIssue invoice, Signer signer) {
        return issue(invoice, signer, Clock.system(RIYADH));
    }

    public static SignedInvoice issue(InvoiceToIssue invoice, Signer signer, Clock clock) {
        return issue(invoice, signer, LocalDateTime.now(clock.withZone(RIYADH)).truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * @param signingTime the XAdES SigningTime, local Riyadh time
     * @throws IllegalArgumentException if the document's allowances or prepayments make an amount negative
     */
    public static SignedInvoice issue(InvoiceToIssue invoice, Signer signer, LocalDateTime signingTime) {
        InvoiceTotals totals = Totals.of(invoice).requireIssuable();
        DocumentParts parts = UblInvoiceWriter.write(invoice, totals);
        byte[] digest = parts.digest();
        String invoiceHash = Digests.base64(digest);
        String signatureValue = Digests.base64(signer.sign(digest));
        XadesSignature.SignedProperties properties = XadesSignature.SignedProperties.of(signingTime, signer);
        String qr = QrCode.encode(new QrFields(
                invoice.seller().registrationName(),
                invoice.seller().vatNumber(),
                invoice.issuedAt().toLocalDate() + "T" + UblInvoiceWriter.issueTime(invoice),
                totals.taxInclusive().toPlainString(),
                totals.taxTotalSar().toPlainString(),
                invoiceHash,
                signatureValue,
                signer.certificate().getPublicKey().getEncoded(),
                invoice.kind().simplified() ? signer.certificate().getSignature() : null));
        byte[] xml = parts.assemble(
                XadesSignature.ublExtensions(invoiceHash, signatureValue, signer.certificateBase64(), properties), qr);
        return new SignedInvoice(xml, invoice.uuid().toString(), invoiceHash, qr, signatureValue, properties.signingTime(), totals);
    }
}
