package sa.qayd.zatca.testing;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.XsltTransformer;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XPathCompiler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * What ZATCA's SDK validates before the signature: the UBL 2.1 XSD, then the EN 16931 and the KSA
 * schematron (compiled XSLT 2.0, run with Saxon-HE; SVRL {@code failed-assert} with {@code flag}
 * error or warning). Schemas and stylesheets are compiled once per JVM.
 */
public final class ConformanceValidator {

    /** A failed assert or XSD error. */
    public record Finding(String source, String id, String flag, String text) {
        public boolean error() {
            return !"warning".equals(flag);
        }

        @Override
        public String toString() {
            return source + " " + flag + " " + id + ": " + text.strip().replaceAll("\\s+", " ");
        }
    }

    private static ConformanceValidator instance;

    private final Schema schema;
    private final Processor saxon = new Processor(false);
    private final XsltExecutable en16931;
    private final XsltExecutable ksa;

    private ConformanceValidator(Path sdk) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        schema = factory.newSchema(sdk.resolve("Schemas/xsds/UBL2.1/xsd/maindoc/UBL-Invoice-2.1.xsd").toFile());
        var compiler = saxon.newXsltCompiler();
        en16931 = compiler.compile(new StreamSource(sdk.resolve("Rules/schematrons/CEN-EN16931-UBL.xsl").toFile()));
        ksa = compiler.compile(new StreamSource(sdk.resolve("Rules/schematrons/20210819_ZATCA_E-invoice_Validation_Rules.xsl").toFile()));
    }

    /** The shared instance; skips the calling test when the SDK data is absent. */
    public static synchronized ConformanceValidator get() {
        Path sdk = SdkData.require();
        if (instance == null) {
            try {
                instance = new ConformanceValidator(sdk);
            } catch (Exception e) {
                throw new IllegalStateException("cannot compile the ZATCA schemas/schematron", e);
            }
        }
        return instance;
    }

    public List<Finding> validate(byte[] xml) {
        List<Finding> findings = new ArrayList<>(xsd(xml));
        if (!findings.isEmpty()) {
            return findings;
        }
        try {
            DocumentBuilder builder = saxon.newDocumentBuilder();
            XdmNode document = builder.build(new StreamSource(new ByteArrayInputStream(xml)));
            findings.addAll(schematron("EN16931", en16931, document));
            findings.addAll(schematron("KSA", ksa, document));
        } catch (SaxonApiException e) {
            throw new IllegalStateException(e);
        }
        return findings;
    }

    public List<Finding> errors(byte[] xml) {
        return validate(xml).stream().filter(Finding::error).toList();
    }

    private List<Finding> xsd(byte[] xml) {
        List<Finding> findings = new ArrayList<>();
        try {
            var validator = schema.newValidator();
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            findings.add(new Finding("XSD", "line " + e.getLineNumber(), "error", e.getMessage()));
        } catch (SAXException | java.io.IOException e) {
            findings.add(new Finding("XSD", "-", "error", String.valueOf(e.getMessage())));
        }
        return findings;
    }

    private List<Finding> schematron(String source, XsltExecutable stylesheet, XdmNode document) throws SaxonApiException {
        XsltTransformer transformer = stylesheet.load();
        transformer.setInitialContextNode(document);
        XdmDestination svrl = new XdmDestination();
        transformer.setDestination(svrl);
        transformer.transform();
        XPathCompiler xpath = saxon.newXPathCompiler();
        xpath.declareNamespace("svrl", "http://purl.oclc.org/dsdl/svrl");
        List<Finding> findings = new ArrayList<>();
        for (XdmItem item : xpath.evaluate("//svrl:failed-assert", svrl.getXdmNode())) {
            XdmNode assertion = (XdmNode) item;
            findings.add(new Finding(source, assertion.getAttributeValue(new QName("id")),
                    assertion.getAttributeValue(new QName("flag")), assertion.getStringValue()));
        }
        return findings;
    }
}
