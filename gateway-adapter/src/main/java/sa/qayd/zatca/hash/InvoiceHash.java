package sa.qayd.zatca.hash;

import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.apache.xml.security.c14n.CanonicalizationException;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.c14n.InvalidCanonicalizerException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The ZATCA invoice hash computed the way ZATCA computes it, from any document: parse, detach
 * {@code ext:UBLExtensions}, {@code cac:Signature} and the QR {@code cac:AdditionalDocumentReference}
 * (element nodes only — surrounding whitespace stays), canonicalise with C14N 1.1, SHA-256, base64.
 */
public final class InvoiceHash {

    /** PIH of a unit's first document: base64 of the hex text of SHA-256("0") (SDK {@code PIH/pih.txt}). */
    public static final String FIRST_PREVIOUS_HASH =
            "NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ==";

    static final String EXT = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    static {
        org.apache.xml.security.Init.init();
    }

    private InvoiceHash() {
    }

    public static String of(byte[] xml) throws SAXException {
        return Digests.base64(digest(SecureXml.parse(xml)));
    }

    /** Raw SHA-256 of the hashed view of {@code document}. Detaches nodes: pass a copy if you still need them. */
    public static byte[] digest(Document document) {
        List<Node> excluded = new ArrayList<>();
        addAll(excluded, document.getElementsByTagNameNS(EXT, "UBLExtensions"));
        addAll(excluded, document.getElementsByTagNameNS(CAC, "Signature"));
        NodeList references = document.getElementsByTagNameNS(CAC, "AdditionalDocumentReference");
        for (int i = 0; i < references.getLength(); i++) {
            Element reference = (Element) references.item(i);
            if ("QR".equals(childText(reference, CBC, "ID"))) {
                excluded.add(reference);
            }
        }
        for (Node node : excluded) {
            node.getParentNode().removeChild(node);
        }
        MessageDigest sha256 = Digests.sha256();
        try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N11_OMIT_COMMENTS).canonicalizeSubtree(document, sink);
        } catch (InvalidCanonicalizerException | CanonicalizationException | java.io.IOException e) {
            throw new IllegalStateException("C14N 1.1 failed", e);
        }
        return sha256.digest();
    }

    /** Text of the first child element {@code ns:name} of {@code parent}, or null. */
    public static String childText(Element parent, String ns, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && name.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e.getTextContent();
            }
        }
        return null;
    }

    private static void addAll(List<Node> into, NodeList nodes) {
        for (int i = 0; i < nodes.getLength(); i++) {
            into.add(nodes.item(i));
        }
    }
}
