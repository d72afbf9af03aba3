package sa.qayd.zatca.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Child-axis navigation by prefixed names, e.g. {@code path(root, "cac:LegalMonetaryTotal", "cbc:PayableAmount")}. */
final class Dom {

    private static final Map<String, String> NAMESPACES = Map.of(
            "cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
            "cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
            "ext", "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2",
            "sig", "urn:oasis:names:specification:ubl:schema:xsd:CommonSignatureComponents-2",
            "sac", "urn:oasis:names:specification:ubl:schema:xsd:SignatureAggregateComponents-2",
            "ds", "http://www.w3.org/2000/09/xmldsig#",
            "xades", "http://uri.etsi.org/01903/v1.3.2#");

    private Dom() {
    }

    /** All child elements with the prefixed name. */
    static List<Element> children(Element parent, String name) {
        int colon = name.indexOf(':');
        String ns = NAMESPACES.get(name.substring(0, colon));
        String local = name.substring(colon + 1);
        List<Element> found = new ArrayList<>(2);
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The first element along the path, or null. */
    static Element path(Element from, String... names) {
        Element current = from;
        for (String name : names) {
            if (current == null) {
                return null;
            }
            List<Element> found = children(current, name);
            current = found.isEmpty() ? null : found.get(0);
        }
        return current;
    }

    /** Text of the element along the path, exactly as written, or null. */
    static String text(Element from, String... names) {
        Element e = path(from, names);
        return e == null ? null : e.getTextContent();
    }
}
