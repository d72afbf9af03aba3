package sa.qayd.zatca.rules;

import java.io.IOException;
import java.net.URL;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.XsltTransformer;
import net.sf.saxon.trans.XPathException;
import net.sf.saxon.value.DateTimeValue;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import sa.qayd.zatca.ZatcaDocuments;
import sa.qayd.zatca.hash.SecureXml;

/**
 * What ZATCA validates before it looks at a signature: the UBL 2.1 XSD, then the EN 16931 and the
 * KSA schematron of ZATCA's SDK (release 238-R3.4.3, compiled XSLT 2.0, run with Saxon-HE; SVRL
 * {@code failed-assert} elements flagged error or warning). The rules ship inside this library
 * (LGPL v3, see {@code sa/qayd/zatca/rules/NOTICE.md}), so nothing outside the jar is read.
 *
 * <p>Rules about "today" (BR-KSA-04: the issue date is not in the future) are judged in Riyadh, as
 * at ZATCA, whatever the JVM's own time zone: a document issued at 00:30 Riyadh time is not from
 * tomorrow on a server that runs in UTC. Compiling takes a few seconds, so there is one shared
 * instance; {@link #validate} is thread-safe.
 */
public final class ZatcaRules {
    private static final String ROOT = "/sa/qayd/zatca/rules/";
    private static final String SVRL = "http://purl.oclc.org/dsdl/svrl";
    private static final QName ID = new QName("id");
    private static final QName FLAG = new QName("flag");
    private static volatile ZatcaRules shared;

    private final Schema schema;
    private final Processor saxon;
    private final XsltExecutable en16931;
    private final XsltExecutable ksa;
    private final XPathExecutable failedAsserts;
    private final Clock clock;

    private ZatcaRules(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.saxon = new Processor(false);
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            schema = factory.newSchema(resource("xsd/maindoc/UBL-Invoice-2.1.xsd"));
            var compiler = saxon.newXsltCompiler();
            en16931 = compiler.compile(source("CEN-EN16931-UBL.xsl"));
            ksa = compiler.compile(source("20210819_ZATCA_E-invoice_Validation_Rules.xsl"));
            var xpath = saxon.newXPathCompiler();
            xpath.declareNamespace("svrl", SVRL);
            failedAsserts = xpath.compile("//svrl:failed-assert");
        } catch (SAXException | SaxonApiException e) {
            throw new IllegalStateException("ZATCA's schemas or schematron bundled in this jar do not compile", e);
        }
    }

    /** The shared instance, judging "today" by the system clock. Compiled on first use. */
    public static ZatcaRules get() {
        ZatcaRules rules = shared;
        if (rules == null) {
            synchronized (ZatcaRules.class) {
                rules = shared;
                if (rules == null) {
                    rules = new ZatcaRules(Clock.systemUTC());
                    shared = rules;
                }
            }
        }
        return rules;
    }

    /** The same compiled rules judging "today" by another clock (tests of date rules). */
    public ZatcaRules withClock(Clock otherClock) {
        return new ZatcaRules(this, otherClock);
    }

    private ZatcaRules(ZatcaRules compiled, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.saxon = compiled.saxon;
        this.schema = compiled.schema;
        this.en16931 = compiled.en16931;
        this.ksa = compiled.ksa;
        this.failedAsserts = compiled.failedAsserts;
    }

    /**
     * XSD first; only a document that passes it is given to the schematrons, as in ZATCA's SDK. A
     * document with a DTD is refused unread (no entity of an outside document is ever expanded).
     */
    public RulesReport validate(byte[] xml) {
        Document dom;
        try {
            dom = SecureXml.parse(xml);
        } catch (SAXException e) {
            return new RulesReport(List.of(new RuleFinding("XSD", "-", "error",
                    "not a well-formed XML document without DTD: " + collapse(e.getMessage()))));
        }
        List<RuleFinding> findings = new ArrayList<>(xsd(dom));
        if (!findings.isEmpty()) {
            return new RulesReport(findings);
        }
        try {
            XdmNode document = saxon.newDocumentBuilder().build(new DOMSource(dom));
            DateTimeValue now = DateTimeValue.fromZonedDateTime(ZonedDateTime.now(clock.withZone(ZatcaDocuments.RIYADH)));
            findings.addAll(schematron("EN16931", en16931, document, now));
            findings.addAll(schematron("KSA", ksa, document, now));
        } catch (SaxonApiException e) {
            // well-formed and schema-valid input that Saxon cannot read is a defect of ours, not of the document
            throw new IllegalStateException("schematron validation failed to run", e);
        }
        return new RulesReport(findings);
    }

    private List<RuleFinding> xsd(Document dom) {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new DOMSource(dom));
            return List.of();
        } catch (SAXParseException e) {
            return List.of(new RuleFinding("XSD", "line " + e.getLineNumber(), "error", collapse(e.getMessage())));
        } catch (SAXException | IOException e) {
            return List.of(new RuleFinding("XSD", "-", "error", collapse(String.valueOf(e.getMessage()))));
        }
    }

    private List<RuleFinding> schematron(String source, XsltExecutable stylesheet, XdmNode document, DateTimeValue now)
            throws SaxonApiException {
        XsltTransformer transformer = stylesheet.load();
        try {
            transformer.getUnderlyingController().setCurrentDateTime(now);
        } catch (XPathException e) {
            throw new IllegalStateException("cannot set the validation date", e);
        }
        transformer.setInitialContextNode(document);
        XdmDestination svrl = new XdmDestination();
        transformer.setDestination(svrl);
        transformer.transform();
        XPathSelector selector = failedAsserts.load();
        selector.setContextItem(svrl.getXdmNode());
        List<RuleFinding> findings = new ArrayList<>();
        for (XdmItem item : selector) {
            XdmNode assertion = (XdmNode) item;
            findings.add(new RuleFinding(source, assertion.getAttributeValue(ID), assertion.getAttributeValue(FLAG),
                    collapse(assertion.getStringValue())));
        }
        return findings;
    }

    private static String collapse(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static URL resource(String name) {
        URL url = ZatcaRules.class.getResource(ROOT + name);
        if (url == null) {
            throw new IllegalStateException("missing bundled ZATCA rule file " + ROOT + name);
        }
        return url;
    }

    private static StreamSource source(String name) {
        return new StreamSource(resource(name).toExternalForm());
    }
}
