package sa.qayd.query.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Walks UBL elements by {@code cac:}/{@code cbc:} paths such as {@code "cac:Party/cbc:EndpointID"},
 * matching namespace URIs rather than prefixes, because producers other than Qayd (ZATCA's clearance
 * service included) may bind the namespaces to other prefixes.
 */
final class UblNode {

    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    private final Element element;

    UblNode(Element element) {
        this.element = element;
    }

    /** The first element at {@code path}, if any. */
    Optional<UblNode> find(String path) {
        UblNode current = this;
        for (String step : path.split("/")) {
            List<UblNode> matches = current.children(step);
            if (matches.isEmpty()) {
                return Optional.empty();
            }
            current = matches.get(0);
        }
        return Optional.of(current);
    }

    /** Direct children named {@code prefixedName}, in document order. */
    List<UblNode> children(String prefixedName) {
        String namespace = namespaceOf(prefixedName);
        String local = prefixedName.substring(prefixedName.indexOf(':') + 1);
        List<UblNode> result = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && local.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                result.add(new UblNode(e));
            }
        }
        return result;
    }

    /** Trimmed text at {@code path}, or null when the element is absent or blank. */
    String text(String path) {
        return find(path).map(UblNode::text).orElse(null);
    }

    /** Trimmed text content, or null when blank. */
    String text() {
        String text = element.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }

    /** An unqualified attribute, or null. */
    String attribute(String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }

    private static String namespaceOf(String prefixedName) {
        if (prefixedName.startsWith("cac:")) {
            return CAC;
        }
        if (prefixedName.startsWith("cbc:")) {
            return CBC;
        }
        throw new IllegalArgumentException("UBL paths use cac: or cbc: names, got " + prefixedName);
    }
}
