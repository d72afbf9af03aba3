package sa.qayd.zatca.simulator;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import sa.qayd.zatca.fatoora.ValidationMessage;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.hash.SecureXml;
import sa.qayd.zatca.signing.Signer;

/**
 * Interim {@link DocumentVerifier}: the embedded certificate is the CSID's, the CSID chains to the simulator's
 * CA, and the signature value signs the recomputed invoice hash. To be replaced by the protocol core's
 * {@code sa.qayd.zatca.verify} verifier, which also runs the XSD, schematron, totals and QR checks.
 */
final class SignatureChecks implements DocumentVerifier {
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String CATEGORY = "SIGNATURE_ERRORS";

    @Override
    public List<ValidationMessage> verify(byte[] signedXml, X509Certificate signingCertificate,
            X509Certificate trustedCa) {
        List<ValidationMessage> errors = new ArrayList<>();
        Document document;
        try {
            document = SecureXml.parse(signedXml);
        } catch (SAXException e) {
            return List.of(ValidationMessage.error("XSD_ZATCA_INVALID", "XSD validation", "not well-formed XML"));
        }
        String embeddedCertificate = text(document, "X509Certificate");
        String signatureValue = text(document, "SignatureValue");
        if (embeddedCertificate == null || signatureValue == null) {
            return List.of(ValidationMessage.error("signature-missing", CATEGORY, "the document is not signed"));
        }
        try {
            if (!embeddedCertificate.equals(Base64.getEncoder().encodeToString(signingCertificate.getEncoded()))) {
                errors.add(ValidationMessage.error("certificate-mismatch", CATEGORY,
                        "the document is not signed with the certificate of the authenticating CSID"));
            }
            signingCertificate.checkValidity();
            signingCertificate.verify(trustedCa.getPublicKey(), Signer.BC);
            Signature ecdsa = Signature.getInstance("SHA256withECDSA", Signer.BC);
            ecdsa.initVerify(signingCertificate.getPublicKey());
            ecdsa.update(Base64.getDecoder().decode(InvoiceHash.of(signedXml)));
            if (!ecdsa.verify(Base64.getMimeDecoder().decode(signatureValue))) {
                errors.add(ValidationMessage.error("invalid-signature", CATEGORY,
                        "the signature value does not sign the invoice hash"));
            }
        } catch (GeneralSecurityException | IllegalArgumentException | SAXException e) {
            errors.add(ValidationMessage.error("invalid-signature", CATEGORY, e.getMessage()));
        }
        return errors;
    }

    private static String text(Document document, String dsName) {
        NodeList found = document.getElementsByTagNameNS(DS, dsName);
        return found.getLength() == 0 ? null : found.item(0).getTextContent().replaceAll("\\s", "");
    }
}
