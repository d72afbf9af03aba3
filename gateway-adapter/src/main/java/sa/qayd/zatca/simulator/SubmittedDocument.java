package sa.qayd.zatca.simulator;

import java.util.Arrays;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.hash.SecureXml;
import sa.qayd.zatca.model.DocumentKind;

/**
 * The facts of a submitted document that the gateway itself acts on: which endpoint it belongs to, which CSID
 * signed it and where it sits in its unit's chain. Content rules are the {@link DocumentVerifier}'s business.
 *
 * @param kind null when the type code or its {@code name} is not one of the six ZATCA documents
 * @param icv null when missing or not a number
 * @param certificateBody the base64 {@code ds:X509Certificate}, whitespace removed, or null
 * @param sellerVatNumber the seller's {@code cbc:CompanyID}, or null
 */
record SubmittedDocument(String uuid, DocumentKind kind, Long icv, String certificateBody, String sellerVatNumber) {
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    static SubmittedDocument parse(byte[] xml) throws SAXException {
        Element root = SecureXml.parse(xml).getDocumentElement();
        NodeList certificates = root.getElementsByTagNameNS(DS, "X509Certificate");
        return new SubmittedDocument(InvoiceHash.childText(root, CBC, "UUID"), kind(root), icv(root),
                certificates.getLength() == 0 ? null : certificates.item(0).getTextContent().replaceAll("\\s", ""),
                sellerVatNumber(root));
    }

    private static String sellerVatNumber(Element root) {
        NodeList suppliers = root.getElementsByTagNameNS(CAC, "AccountingSupplierParty");
        if (suppliers.getLength() == 0) {
            return null;
        }
        NodeList companyIds = ((Element) suppliers.item(0)).getElementsByTagNameNS(CBC, "CompanyID");
        return companyIds.getLength() == 0 ? null : companyIds.item(0).getTextContent().trim();
    }

    private static DocumentKind kind(Element root) {
        NodeList typeCodes = root.getElementsByTagNameNS(CBC, "InvoiceTypeCode");
        Element typeCode = typeCodes.getLength() == 0 ? null : (Element) typeCodes.item(0);
        if (typeCode == null) {
            return null;
        }
        boolean simplified = typeCode.getAttribute("name").startsWith("02");
        boolean standard = typeCode.getAttribute("name").startsWith("01");
        return Arrays.stream(DocumentKind.values())
                .filter(kind -> kind.typeCode().equals(typeCode.getTextContent().trim()))
                .filter(kind -> kind.simplified() ? simplified : standard)
                .findFirst()
                .orElse(null);
    }

    private static Long icv(Element root) {
        String counter = reference(root, "ICV").map(icv -> InvoiceHash.childText(icv, CBC, "UUID")).orElse(null);
        try {
            return counter == null ? null : Long.valueOf(counter.trim());
        } catch (NumberFormatException notACounter) {
            return null;
        }
    }

    private static Optional<Element> reference(Element root, String id) {
        NodeList references = root.getElementsByTagNameNS(CAC, "AdditionalDocumentReference");
        for (int i = 0; i < references.getLength(); i++) {
            Element reference = (Element) references.item(i);
            if (id.equals(InvoiceHash.childText(reference, CBC, "ID"))) {
                return Optional.of(reference);
            }
        }
        return Optional.empty();
    }
}
