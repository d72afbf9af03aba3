package sa.qayd.query.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Renders a signed ZATCA invoice, credit note or debit note as a bilingual PDF/A-3b document that
 * carries the XML itself as an associated file. Output depends on the XML bytes only: rendering the
 * same XML again gives the same PDF bytes. Thread-safe; each call builds its own document.
 */
public final class InvoicePdf {

    private InvoicePdf() {
    }

    /**
     * @param signedXml the exact UBL 2.1 bytes Qayd signed, or ZATCA's cleared version of them
     * @return the PDF/A-3b document
     * @throws IllegalArgumentException if the bytes are not a UBL invoice with the fields a tax invoice must print
     */
    public static byte[] render(byte[] signedXml) {
        PrintedInvoice invoice = UblInvoiceReader.read(signedXml);
        try (PDDocument document = new PDDocument()) {
            try (Canvas canvas = new Canvas(document, DocumentFonts.embedIn(document))) {
                InvoiceLayout.draw(canvas, invoice);
            }
            PdfA3.conform(document, invoice, signedXml);
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render invoice " + invoice.invoiceNumber(), e);
        }
    }
}
