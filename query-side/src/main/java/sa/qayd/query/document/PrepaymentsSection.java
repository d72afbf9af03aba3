package sa.qayd.query.document;

import java.io.IOException;
import java.util.List;
import sa.qayd.query.document.Canvas.Align;
import sa.qayd.query.document.Table.Column;

/**
 * The prepayment invoices a final invoice deducts, with the VAT each declared; their sum with VAT is
 * the prepaid amount of the totals. Absent when the invoice deducts none.
 */
final class PrepaymentsSection {

    private static final List<Column> COLUMNS = List.of(
            new Column(Labels.PREPAYMENT_INVOICE, 26, Align.START),
            new Column(Labels.PREPAYMENT_ISSUED, 12, Align.LEFT),
            new Column(Labels.CATEGORY, 22, Align.START),
            new Column(Labels.RATE, 8, Align.RIGHT),
            new Column(Labels.TAXABLE_AMOUNT, 15, Align.RIGHT),
            new Column(Labels.VAT_AMOUNT, 13, Align.RIGHT));

    private PrepaymentsSection() {
    }

    static void draw(Canvas canvas, PrintedInvoice invoice) throws IOException {
        Sections.table(canvas, COLUMNS, Labels.PREPAYMENTS, invoice.currency(), invoice.prepayments().stream().map(PrepaymentsSection::row).toList());
    }

    private static List<String> row(PrintedPrepayment prepayment) {
        Bilingual category = Labels.vatCategory(prepayment.vatCategory());
        return List.of(
                prepayment.name() == null ? prepayment.invoiceNumber() : prepayment.invoiceNumber() + " · " + prepayment.name(),
                prepayment.issueDate() == null ? "" : prepayment.issueDate(),
                category.inline(),
                Amounts.rate(prepayment.vatRate()),
                Amounts.price(prepayment.taxable()),
                Amounts.price(prepayment.vat()));
    }
}
