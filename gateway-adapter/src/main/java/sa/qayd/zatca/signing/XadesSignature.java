package sa.qayd.zatca.signing;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import sa.qayd.zatca.hash.Digests;
import sa.qayd.zatca.ubl.XmlText;

/**
 * The {@code ext:UBLExtensions} block holding ZATCA's XAdES signature, written by hand from the SDK
 * template: ZATCA's SignatureValue signs the invoice hash (not SignedInfo) and its SignedProperties
 * digest is taken over a fixed text form, neither of which a generic XMLDSig library produces.
 * The block's layout matches the SDK samples byte for byte so that the SignedProperties element in
 * the document is the same text that was digested.
 */
public final class XadesSignature {

    /** SigningTime format of the SDK: local time, no zone. */
    public static final DateTimeFormatter SIGNING_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private static final String DS_NS = " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"";

    private XadesSignature() {
    }

    /** The values that SignedProperties carries. */
    public record SignedProperties(String signingTime, String certificateDigest, String issuerName, String serialNumber) {

        public static SignedProperties of(LocalDateTime signingTime, Signer signer) {
            return new SignedProperties(SIGNING_TIME.format(signingTime), signer.certificateDigest(), signer.issuerName(),
                    signer.serialNumber());
        }

        /** base64(hex(SHA-256(standalone text form))), the digest of the second SignedInfo reference. */
        public String digest() {
            return Digests.base64HexSha256(text(true));
        }

        /**
         * The element as text. Standalone, it declares its own namespaces, as a DOM serialiser writes
         * a detached element; that is the form ZATCA digests.
         */
        String text(boolean standalone) {
            String ds = standalone ? DS_NS : "";
            return (standalone
                    ? "<xades:SignedProperties xmlns:xades=\"http://uri.etsi.org/01903/v1.3.2#\" Id=\"xadesSignedProperties\">\n"
                    : "<xades:SignedProperties Id=\"xadesSignedProperties\">\n")
                    + indent(36) + "<xades:SignedSignatureProperties>\n"
                    + indent(40) + "<xades:SigningTime>" + XmlText.text(signingTime) + "</xades:SigningTime>\n"
                    + indent(40) + "<xades:SigningCertificate>\n"
                    + indent(44) + "<xades:Cert>\n"
                    + indent(48) + "<xades:CertDigest>\n"
                    + indent(52) + "<ds:DigestMethod" + ds + " Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\n"
                    + indent(52) + "<ds:DigestValue" + ds + ">" + XmlText.text(certificateDigest) + "</ds:DigestValue>\n"
                    + indent(48) + "</xades:CertDigest>\n"
                    + indent(48) + "<xades:IssuerSerial>\n"
                    + indent(52) + "<ds:X509IssuerName" + ds + ">" + XmlText.text(issuerName) + "</ds:X509IssuerName>\n"
                    + indent(52) + "<ds:X509SerialNumber" + ds + ">" + XmlText.text(serialNumber) + "</ds:X509SerialNumber>\n"
                    + indent(48) + "</xades:IssuerSerial>\n"
                    + indent(44) + "</xades:Cert>\n"
                    + indent(40) + "</xades:SigningCertificate>\n"
                    + indent(36) + "</xades:SignedSignatureProperties>\n"
                    + indent(32) + "</xades:SignedProperties>";
        }
    }

    /**
     * The complete extension block.
     *
     * @param invoiceHash    base64 raw SHA-256 of the canonical invoice
     * @param signatureValue base64 DER ECDSA signature of the invoice hash bytes
     */
    public static String ublExtensions(String invoiceHash, String signatureValue, String certificateBase64,
                                       SignedProperties properties) {
        return "<ext:UBLExtensions>\n"
                + "    <ext:UBLExtension>\n"
                + "        <ext:ExtensionURI>urn:oasis:names:specification:ubl:dsig:enveloped:xades</ext:ExtensionURI>\n"
                + "        <ext:ExtensionContent>\n"
                + "            <sig:UBLDocumentSignatures xmlns:sig=\"urn:oasis:names:specification:ubl:schema:xsd:CommonSignatureComponents-2\""
                + " xmlns:sac=\"urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2\""
                + " xmlns:sbc=\"urn:oasis:names:specification:ubl:schema:xsd:SignatureBasicComponents-2\">\n"
                + "                <sac:SignatureInformation>\n"
                + "                    <cbc:ID>urn:oasis:names:specification:ubl:signature:1</cbc:ID>\n"
                + "                    <sbc:ReferencedSignatureID>urn:oasis:names:specification:ubl:signature:Invoice</sbc:ReferencedSignatureID>\n"
                + "                    <ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" Id=\"signature\">\n"
                + "                        <ds:SignedInfo>\n"
                + "                            <ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/2006/12/xml-c14n11\"/>\n"
                + "                            <ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256\"/>\n"
                + "                            <ds:Reference Id=\"invoiceSignedData\" URI=\"\">\n"
                + "                                <ds:Transforms>\n"
                + xpathTransform("not(//ancestor-or-self::ext:UBLExtensions)")
                + xpathTransform("not(//ancestor-or-self::cac:Signature)")
                + xpathTransform("not(//ancestor-or-self::cac:AdditionalDocumentReference[cbc:ID='QR'])")
                + "                                    <ds:Transform Algorithm=\"http://www.w3.org/2006/12/xml-c14n11\"/>\n"
                + "                                </ds:Transforms>\n"
                + "                                <ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\n"
                + "                                <ds:DigestValue>" + invoiceHash + "</ds:DigestValue>\n"
                + "                            </ds:Reference>\n"
                + "                            <ds:Reference Type=\"http://www.w3.org/2000/09/xmldsig#SignatureProperties\" URI=\"#xadesSignedProperties\">\n"
                + "                                <ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>\n"
                + "                                <ds:DigestValue>" + properties.digest() + "</ds:DigestValue>\n"
                + "                            </ds:Reference>\n"
                + "                        </ds:SignedInfo>\n"
                + "                        <ds:SignatureValue>" + signatureValue + "</ds:SignatureValue>\n"
                + "                        <ds:KeyInfo>\n"
                + "                            <ds:X509Data>\n"
                + "                                <ds:X509Certificate>" + certificateBase64 + "</ds:X509Certificate>\n"
                + "                            </ds:X509Data>\n"
                + "                        </ds:KeyInfo>\n"
                + "                        <ds:Object>\n"
                + "                            <xades:QualifyingProperties xmlns:xades=\"http://uri.etsi.org/01903/v1.3.2#\" Target=\"signature\">\n"
                + indent(32) + properties.text(false) + "\n"
                + "                            </xades:QualifyingProperties>\n"
                + "                        </ds:Object>\n"
                + "                    </ds:Signature>\n"
                + "                </sac:SignatureInformation>\n"
                + "            </sig:UBLDocumentSignatures>\n"
                + "        </ext:ExtensionContent>\n"
                + "    </ext:UBLExtension>\n"
                + "</ext:UBLExtensions>";
    }

    private static String xpathTransform(String xpath) {
        return "                                    <ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\">\n"
                + "                                        <ds:XPath>" + XmlText.text(xpath) + "</ds:XPath>\n"
                + "                                    </ds:Transform>\n";
    }

    private static String indent(int spaces) {
        return " ".repeat(spaces);
    }
}
