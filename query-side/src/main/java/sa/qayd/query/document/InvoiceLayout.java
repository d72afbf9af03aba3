package sa.qayd.query.document;

import java.io.IOException;

/** The order of the sections on the page, and the footer every page carries. */
final class InvoiceLayout {

    private static final float FOOTER_SIZE = 7.5f;

    private InvoiceLayout() {
    }

    static void draw(Canvas canvas, PrintedInvoice invoice) throws IOException {
        HeaderSection.draw(canvas, invoice);
        PartiesSection.draw(canvas, invoice);
        LinesSection.draw(canvas, invoice);
        AllowanceChargesSection.draw(canvas, invoice);
        PrepaymentsSection.draw(canvas, invoice);
        VatBreakdownSection.draw(canvas, invoice);
        TotalsSection.draw(canvas, invoice);
        canvas.decoratePages((number, count) -> footer(canvas, invoice, number, count));
    }

    /** Each page names its document, so a loose page can be matched to its invoice. */
    private static void footer(Canvas canvas, PrintedInvoice invoice, int number, int count) throws IOException {
        float top = Canvas.MARGIN + FOOTER_SIZE * Canvas.LEADING + 4;
        canvas.rule(canvas.left(), canvas.right(), top + 4, 0.4f, Canvas.HAIRLINE);
        Typeface face = canvas.fonts().regular();
        canvas.paragraph(invoice.invoiceNumber() + " · " + invoice.uuid(), face, FOOTER_SIZE, Canvas.MUTED,
                canvas.left(), top, canvas.width() / 2, Canvas.Align.LEFT);
        Bilingual page = Labels.page(number, count);
        canvas.visualLine(page.english() + "  ·  " + VisualText.of(page.arabic()), face, FOOTER_SIZE, Canvas.MUTED,
                canvas.left(), top - FOOTER_SIZE, canvas.width(), Canvas.Align.RIGHT);
    }
}
