package sa.qayd.zatca.verify;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import sa.qayd.zatca.hash.Digests;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.hash.SecureXml;
import sa.qayd.zatca.qr.QrCode;
import sa.qayd.zatca.signing.Signer;
import sa.qayd.zatca.signing.XadesSignature;

/**
 * Checks a signed ZATCA document from its bytes alone, independently of how it was produced: the
 * invoice hash (DOM + C14N 1.1, as ZATCA computes it), the ECDSA signature over it, the XAdES
 * certificate digest, issuer/serial and signed-properties digest, every QR tag, the arithmetic of
 * the totals, the note rules, and optionally the expected ICV/PIH chain and the issuing CA.
 * Returns every problem found rather than stopping at the first. Thread-safe.
 */
public final class InvoiceVerifier {

    private static final String INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";

    private InvoiceVerifier() {
    }

    public static VerificationReport verify(byte[] xml) {
        return verify(xml, VerificationContext.NONE);
    }

    public static VerificationReport verify(byte[] xml, VerificationContext context) {
        Document document;
        try {
            document = SecureXml.parse(xml);
        } catch (SAXException e) {
            return new VerificationReport(null, List.of(new Problem(ProblemCode.MALFORMED_XML, String.valueOf(e.getMessage()))));
        }
        Element invoice = document.getDocumentElement();
        if (!"Invoice".equals(invoice.getLocalName()) || !INVOICE_NS.equals(invoice.getNamespaceURI())) {
            return new VerificationReport(null, List.of(new Problem(ProblemCode.NOT_AN_INVOICE,
                    "root element is {" + invoice.getNamespaceURI() + "}" + invoice.getLocalName())));
        }
        FoundProblems problems = new FoundProblems();
        // read everything before hashing: computing the hash detaches the signature and QR
        SignatureValues signature = SignatureValues.read(invoice);
        String qr = qrText(invoice);
        checkHeader(invoice, context, problems);
        RulesCheck.check(invoice, problems);
        TotalsCheck.check(invoice, problems);
        QrExpectations qrExpectations = QrExpectations.read(invoice);

        String invoiceHash = Digests.base64(InvoiceHash.digest(document));
        if (problems.present(signature.invoiceDigest(), "invoiceSignedData DigestValue")
                && !invoiceHash.equals(signature.invoiceDigest())) {
            problems.add(ProblemCode.INVOICE_HASH_MISMATCH, "document hashes to " + invoiceHash
                    + " but its signature references " + signature.invoiceDigest());
        }
        X509Certificate certificate = certificate(signature, problems);
        if (certificate != null) {
            checkSignature(certificate, signature, invoiceHash, problems);
            checkSignedProperties(certificate, signature, problems);
            checkTrust(certificate, context, problems);
        }
        checkQr(qr, qrExpectations, invoiceHash, signature, certificate, problems);
        return new VerificationReport(invoiceHash, problems.list());
    }

    private static void checkHeader(Element invoice, VerificationContext context, FoundProblems problems) {
        String typeCode = Dom.text(invoice, "cbc:InvoiceTypeCode");
        if ("381".equals(typeCode) || "383".equals(typeCode)) {
            if (isBlank(Dom.text(invoice, "cac:BillingReference", "cac:InvoiceDocumentReference", "cbc:ID"))) {
                problems.add(ProblemCode.NOTE_WITHOUT_BILLING_REFERENCE, "a credit/debit note must reference the invoice it amends (BR-KSA-56)");
            }
            boolean hasReason = Dom.children(invoice, "cac:PaymentMeans").stream()
                    .anyMatch(means -> !isBlank(Dom.text(means, "cbc:InstructionNote")));
            if (!hasReason) {
                problems.add(ProblemCode.NOTE_WITHOUT_REASON, "a credit/debit note must state its reason (BR-KSA-17)");
            }
        }
        String icv = null;
        String pih = null;
        for (Element reference : Dom.children(invoice, "cac:AdditionalDocumentReference")) {
            String id = Dom.text(reference, "cbc:ID");
            if ("ICV".equals(id)) {
                icv = Dom.text(reference, "cbc:UUID");
            } else if ("PIH".equals(id)) {
                pih = Dom.text(reference, "cac:Attachment", "cbc:EmbeddedDocumentBinaryObject");
            }
        }
        if (problems.present(icv, "ICV (KSA-16)") && !icv.matches("\\d{1,18}")) {
            problems.add(ProblemCode.ICV_INVALID, "ICV must be digits only, got " + icv);
        } else if (icv != null && context.expectedIcv() != null && Long.parseLong(icv) != context.expectedIcv()) {
            problems.add(ProblemCode.ICV_MISMATCH, "ICV is " + icv + ", expected " + context.expectedIcv());
        }
        if (problems.present(pih, "PIH (KSA-13)") && context.expectedPreviousHash() != null
                && !pih.equals(context.expectedPreviousHash())) {
            problems.add(ProblemCode.PIH_MISMATCH, "PIH is " + pih + ", expected " + context.expectedPreviousHash());
        }
    }

    private static X509Certificate certificate(SignatureValues signature, FoundProblems problems) {
        if (!problems.present(signature.certificate(), "ds:X509Certificate")) {
            return null;
        }
        try {
            return Signer.parseCertificate(signature.certificate());
        } catch (IllegalArgumentException e) {
            problems.add(ProblemCode.CERTIFICATE_INVALID, "embedded certificate cannot be read: " + e.getMessage());
            return null;
        }
    }

    private static void checkSignature(X509Certificate certificate, SignatureValues signature, String invoiceHash,
                                       FoundProblems problems) {
        if (!problems.present(signature.signatureValue(), "ds:SignatureValue")) {
            return;
        }
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA", Signer.BC);
            ecdsa.initVerify(certificate.getPublicKey());
            ecdsa.update(Base64.getDecoder().decode(invoiceHash));
            if (!ecdsa.verify(Base64.getMimeDecoder().decode(signature.signatureValue()))) {
                problems.add(ProblemCode.SIGNATURE_INVALID, "SignatureValue does not sign the invoice hash with the certificate's key");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            problems.add(ProblemCode.SIGNATURE_INVALID, "SignatureValue cannot be checked: " + e.getMessage());
        }
    }

    private static void checkSignedProperties(X509Certificate certificate, SignatureValues signature, FoundProblems problems) {
        String expectedDigest = Digests.base64HexSha256(signature.certificate());
        if (problems.present(signature.certificateDigest(), "xades:CertDigest")
                && !expectedDigest.equals(signature.certificateDigest())) {
            problems.add(ProblemCode.CERTIFICATE_DIGEST_MISMATCH, "CertDigest " + signature.certificateDigest()
                    + " is not base64(hex(SHA-256(certificate))) = " + expectedDigest);
        }
        if (problems.present(signature.issuerName(), "ds:X509IssuerName")
                && !sameName(signature.issuerName(), certificate.getIssuerX500Principal())) {
            problems.add(ProblemCode.ISSUER_SERIAL_MISMATCH, "X509IssuerName " + signature.issuerName() + " is not the certificate's issuer");
        }
        if (problems.present(signature.serialNumber(), "ds:X509SerialNumber")
                && !signature.serialNumber().equals(certificate.getSerialNumber().toString())) {
            problems.add(ProblemCode.ISSUER_SERIAL_MISMATCH, "X509SerialNumber " + signature.serialNumber() + " is not the certificate's serial");
        }
        if (problems.present(signature.signingTime(), "xades:SigningTime")
                && problems.present(signature.propertiesDigest(), "xadesSignedProperties DigestValue")
                && signature.certificateDigest() != null && signature.issuerName() != null && signature.serialNumber() != null) {
            String digest = new XadesSignature.SignedProperties(signature.signingTime(), signature.certificateDigest(),
                    signature.issuerName(), signature.serialNumber()).digest();
            if (!digest.equals(signature.propertiesDigest())) {
                problems.add(ProblemCode.SIGNED_PROPERTIES_DIGEST_MISMATCH, "SignedProperties digest to " + digest
                        + ", the reference says " + signature.propertiesDigest());
            }
        }
    }

    private static boolean sameName(String text, X500Principal principal) {
        try {
            return new X500Principal(text).equals(principal);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void checkTrust(X509Certificate certificate, VerificationContext context, FoundProblems problems) {
        if (context.trustedCa() == null) {
            return;
        }
        try {
            certificate.verify(context.trustedCa().getPublicKey(), Signer.BC);
        } catch (GeneralSecurityException e) {
            problems.add(ProblemCode.CERTIFICATE_NOT_TRUSTED, "certificate was not issued by "
                    + context.trustedCa().getSubjectX500Principal().getName());
        }
    }

    private static String qrText(Element invoice) {
        for (Element reference : Dom.children(invoice, "cac:AdditionalDocumentReference")) {
            if ("QR".equals(Dom.text(reference, "cbc:ID"))) {
                return Dom.text(reference, "cac:Attachment", "cbc:EmbeddedDocumentBinaryObject");
            }
        }
        return null;
    }

    private static void checkQr(String qr, QrExpectations expected, String invoiceHash, SignatureValues signature,
                                X509Certificate certificate, FoundProblems problems) {
        if (qr == null) {
            problems.add(ProblemCode.QR_MISSING, "no QR AdditionalDocumentReference (KSA-14)");
            return;
        }
        Map<Integer, byte[]> tags;
        try {
            tags = QrCode.decode(qr);
        } catch (IllegalArgumentException e) {
            problems.add(ProblemCode.QR_MALFORMED, "QR is not base64 TLV: " + e.getMessage());
            return;
        }
        expectText(tags, 1, "seller name", expected.sellerName(), problems);
        expectText(tags, 2, "VAT number", expected.vatNumber(), problems);
        expectText(tags, 3, "timestamp", expected.timestamp(), problems);
        // the SDK samples with prepayment or payable rounding put the amount due in tag 4
        if (!matchesAmount(tags, 4, expected.amountDue())) {
            expectAmount(tags, 4, "total with VAT", expected.totalWithVat(), problems);
        }
        expectAmount(tags, 5, "VAT total", expected.vatTotal(), problems);
        expectText(tags, 6, "invoice hash", invoiceHash, problems);
        expectText(tags, 7, "signature", signature.signatureValue(), problems);
        if (certificate != null) {
            expectBytes(tags, 8, "public key", certificate.getPublicKey().getEncoded(), problems);
            if (expected.simplified()) {
                expectBytes(tags, 9, "certificate signature", certificate.getSignature(), problems);
            }
        }
    }

    private static void expectText(Map<Integer, byte[]> tags, int tag, String what, String expected, FoundProblems problems) {
        byte[] value = tags.get(tag);
        if (value == null) {
            problems.add(ProblemCode.QR_MISMATCH, "QR tag " + tag + " (" + what + ") is missing");
        } else if (expected == null || !expected.equals(new String(value, StandardCharsets.UTF_8))) {
            problems.add(ProblemCode.QR_MISMATCH, "QR tag " + tag + " (" + what + ") is '"
                    + new String(value, StandardCharsets.UTF_8) + "', the document says '" + expected + "'");
        }
    }

    private static void expectAmount(Map<Integer, byte[]> tags, int tag, String what, String expected, FoundProblems problems) {
        byte[] value = tags.get(tag);
        String text = value == null ? null : new String(value, StandardCharsets.UTF_8);
        if (text == null || expected == null || !sameAmount(text, expected)) {
            problems.add(ProblemCode.QR_MISMATCH, "QR tag " + tag + " (" + what + ") is '" + text
                    + "', the document says '" + expected + "'");
        }
    }

    private static boolean matchesAmount(Map<Integer, byte[]> tags, int tag, String expected) {
        byte[] value = tags.get(tag);
        return value != null && expected != null && sameAmount(new String(value, StandardCharsets.UTF_8), expected);
    }

    private static boolean sameAmount(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void expectBytes(Map<Integer, byte[]> tags, int tag, String what, byte[] expected, FoundProblems problems) {
        byte[] value = tags.get(tag);
        if (value == null || !Arrays.equals(value, expected)) {
            problems.add(ProblemCode.QR_MISMATCH, "QR tag " + tag + " (" + what + ") does not match the certificate");
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
