package sa.qayd.zatca.ubl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import sa.qayd.zatca.hash.Digests;

/**
 * An invoice written as the text between the three parts that the invoice hash leaves out
 * ({@code ext:UBLExtensions}, the QR {@code cac:AdditionalDocumentReference}, {@code cac:Signature}).
 * The whitespace around those parts stays in the hash, as ZATCA's XPath transforms keep it.
 * Because {@link XmlBuilder} writes canonical text, the canonical form of the invoice without
 * those parts is simply {@code head + middle + GAP + tail} — no parsing needed.
 */
public record DocumentParts(byte[] head, byte[] middle, byte[] tail) {

    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    /** Between the QR reference and {@code cac:Signature}. */
    static final String GAP = "\n    ";
    static final String SIGNATURE_REFERENCE = """
            <cac:Signature>
                    <cbc:ID>urn:oasis:names:specification:ubl:signature:Invoice</cbc:ID>
                    <cbc:SignatureMethod>urn:oasis:names:specification:ubl:dsig:enveloped:xades</cbc:SignatureMethod>
                </cac:Signature>""";

    private static final byte[] DECLARATION_BYTES = DECLARATION.getBytes(StandardCharsets.UTF_8);
    private static final byte[] GAP_BYTES = GAP.getBytes(StandardCharsets.UTF_8);
    private static final byte[] SIGNATURE_REFERENCE_BYTES = SIGNATURE_REFERENCE.getBytes(StandardCharsets.UTF_8);

    /** SHA-256 of the canonical invoice without signature and QR: the raw invoice hash. */
    public byte[] digest() {
        MessageDigest sha256 = Digests.sha256();
        sha256.update(head);
        sha256.update(middle);
        sha256.update(GAP_BYTES);
        sha256.update(tail);
        return sha256.digest();
    }

    /** The final document: these parts with the signature extension and the QR reference put back. */
    public byte[] assemble(String ublExtensions, String qrBase64) {
        byte[] extensions = ublExtensions.getBytes(StandardCharsets.UTF_8);
        byte[] qr = qrReference(qrBase64).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(DECLARATION_BYTES.length + head.length + extensions.length
                + middle.length + qr.length + GAP_BYTES.length + SIGNATURE_REFERENCE_BYTES.length + tail.length);
        out.writeBytes(DECLARATION_BYTES);
        out.writeBytes(head);
        out.writeBytes(extensions);
        out.writeBytes(middle);
        out.writeBytes(qr);
        out.writeBytes(GAP_BYTES);
        out.writeBytes(SIGNATURE_REFERENCE_BYTES);
        out.writeBytes(tail);
        return out.toByteArray();
    }

    private static String qrReference(String qrBase64) {
        return "<cac:AdditionalDocumentReference>\n"
                + "        <cbc:ID>QR</cbc:ID>\n"
                + "        <cac:Attachment>\n"
                + "            <cbc:EmbeddedDocumentBinaryObject mimeCode=\"text/plain\">" + qrBase64 + "</cbc:EmbeddedDocumentBinaryObject>\n"
                + "        </cac:Attachment>\n"
                + "    </cac:AdditionalDocumentReference>";
    }
}
