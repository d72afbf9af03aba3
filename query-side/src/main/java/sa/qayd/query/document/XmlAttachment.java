package sa.qayd.query.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Embeds the signed XML as a PDF/A-3 associated file, the way ZATCA's PDF/A-3 samples carry it: the
 * XML is the legal invoice, the pages only show it, so the file is related to the document as its
 * "Data" and is reachable both from the catalog's /AF array and from the EmbeddedFiles name tree.
 */
final class XmlAttachment {

    private static final COSName AF = COSName.getPDFName("AF");
    private static final COSName AF_RELATIONSHIP = COSName.getPDFName("AFRelationship");
    private static final String MIME_TYPE = "application/xml";

    private XmlAttachment() {
    }

    static void embed(PDDocument document, PrintedInvoice invoice, byte[] xml, Calendar issuedAt) throws IOException {
        String fileName = fileName(invoice.invoiceNumber());
        PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(xml), COSName.FLATE_DECODE);
        file.setSubtype(MIME_TYPE);
        file.setSize(xml.length);
        file.setCreationDate(issuedAt);
        file.setModDate(issuedAt);

        PDComplexFileSpecification specification = new PDComplexFileSpecification();
        specification.setFile(fileName);
        specification.setFileUnicode(fileName);
        specification.setFileDescription("Signed UBL 2.1 invoice " + invoice.invoiceNumber());
        specification.setEmbeddedFile(file);
        specification.setEmbeddedFileUnicode(file);
        specification.getCOSObject().setItem(AF_RELATIONSHIP, COSName.getPDFName("Data"));

        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(fileName, specification));
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
        names.setEmbeddedFiles(tree);
        catalog.setNames(names);
        COSArray associatedFiles = new COSArray();
        associatedFiles.add(specification);
        catalog.getCOSObject().setItem(AF, associatedFiles);
    }

    /** {@code <invoice number>.xml}, with characters that file systems reject replaced. */
    static String fileName(String invoiceNumber) {
        return invoiceNumber.replaceAll("[^\\p{L}\\p{N}._-]", "_") + ".xml";
    }
}
