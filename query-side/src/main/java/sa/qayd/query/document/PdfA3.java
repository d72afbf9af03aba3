package sa.qayd.query.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import sa.qayd.zatca.ZatcaDocuments;

/**
 * Makes the rendered document PDF/A-3b and reproducible: every value that would otherwise come from
 * the clock or a random source (creation date, file identifier) comes from the invoice instead, so
 * the same XML always gives the same PDF bytes.
 */
final class PdfA3 {

    private static final String PRODUCER = "Qayd";
    private static final String SRGB = "sRGB IEC61966-2.1";
    /** PDF/A-3 is based on PDF 1.7. */
    private static final float PDF_VERSION = 1.7f;
    /**
     * Shipped with this module rather than taken from the JDK, whose profile bytes may change with
     * the JDK version and would then change every rebuilt PDF.
     */
    private static final byte[] SRGB_PROFILE = ClasspathResource.bytes("/document/color/sRGB.icc");

    private PdfA3() {
    }

    static void conform(PDDocument document, PrintedInvoice invoice, byte[] xml) throws IOException {
        ZonedDateTime issuedAt = issuedAt(invoice);
        String title = Labels.title(invoice.kind()).english() + " " + invoice.invoiceNumber();
        document.setVersion(PDF_VERSION);
        document.getDocument().setDocumentID(fileIdentifier(invoice));
        describe(document, title, issuedAt);
        addOutputIntent(document.getDocumentCatalog(), document);
        XmlAttachment.embed(document, invoice, xml, GregorianCalendar.from(issuedAt));
    }

    /** The trailer /ID: PDFBox would derive one from the clock; the invoice UUID is already unique. */
    private static COSArray fileIdentifier(PrintedInvoice invoice) {
        byte[] id = ByteBuffer.allocate(16)
                .putLong(invoice.uuid().getMostSignificantBits())
                .putLong(invoice.uuid().getLeastSignificantBits())
                .array();
        COSArray identifier = new COSArray();
        identifier.add(new COSString(id));
        identifier.add(new COSString(id));
        return identifier;
    }

    /** PDF/A wants the document information dictionary and the XMP metadata to say the same. */
    private static void describe(PDDocument document, String title, ZonedDateTime issuedAt) throws IOException {
        Calendar created = GregorianCalendar.from(issuedAt);
        PDDocumentInformation information = document.getDocumentInformation();
        information.setTitle(title);
        information.setProducer(PRODUCER);
        information.setCreator(PRODUCER);
        information.setCreationDate(created);
        information.setModificationDate(created);

        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(XmpPacket.pdfA3b(title, PRODUCER, issuedAt));
        document.getDocumentCatalog().setMetadata(metadata);
    }

    /** Colours are drawn in DeviceRGB, which PDF/A allows only with an RGB output intent. */
    private static void addOutputIntent(PDDocumentCatalog catalog, PDDocument document) throws IOException {
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(SRGB_PROFILE));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    /** IssueDate and IssueTime are local Saudi time (BR-KSA-70 and ZATCA's samples). */
    private static ZonedDateTime issuedAt(PrintedInvoice invoice) {
        return ZonedDateTime.of(invoice.issueDate(), invoice.issueTime(), ZatcaDocuments.RIYADH);
    }
}
