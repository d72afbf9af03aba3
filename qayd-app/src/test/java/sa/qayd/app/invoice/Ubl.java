package sa.qayd.app.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import sa.qayd.zatca.hash.SecureXml;

/** A UBL element read by {@code cac:}/{@code cbc:} paths, for tests that take documents apart. */
record Ubl(Element element) {
    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    static Ubl parse(byte[] xml) {
        try {
            return new Ubl(SecureXml.parse(xml).getDocumentElement());
        } catch (SAXException e) {
            throw new IllegalArgumentException("not XML", e);
        }
    }

    List<Ubl> all(String name) {
        String namespace = name.startsWith("cac:") ? CAC : CBC;
        String local = name.substring(4);
        List<Ubl> found = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && local.equals(e.getLocalName()) && namespace.equals(e.getNamespaceURI())) {
                found.add(new Ubl(e));
            }
        }
        return found;
    }

    /** The first element along {@code path} ("cac:A/cbc:B"), or null. */
    Ubl at(String path) {
        Ubl current = this;
        for (String step : path.split("/")) {
            List<Ubl> found = current.all(step);
            if (found.isEmpty()) {
                return null;
            }
            current = found.get(0);
        }
        return current;
    }

    /** Trimmed text along {@code path}, or null. */
    String text(String path) {
        Ubl at = at(path);
        return at == null ? null : at.element.getTextContent().strip();
    }

    String attribute(String path, String name) {
        Ubl at = at(path);
        return at == null || !at.element.hasAttribute(name) ? null : at.element.getAttribute(name);
    }

    BigDecimal decimal(String path) {
        String text = text(path);
        return text == null ? null : new BigDecimal(text);
    }

    /** An amount as "1234.50", absent as "0.00", whatever decimals the document wrote. */
    String amount(String path) {
        BigDecimal value = decimal(path);
        return (value == null ? BigDecimal.ZERO : value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
