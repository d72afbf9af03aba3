package sa.qayd.query.document;

import java.io.IOException;
import java.util.List;
import sa.qayd.query.document.Canvas.Align;
import sa.qayd.query.document.Table.Column;

/** Taxable amount and VAT per category and rate, with the exemption reason of Z, E and O categories. */
final class VatBreakdownSection {

    private static final List<Column> COLUMNS = List.of(
            new Column(Labels.CATEGORY, 22, Align.START),
            new Column(Labels.RATE, 8, Align.RIGHT),
            new Column(Labels.TAXABLE_AMOUNT, 15, Align.RIGHT),
            new Column(Labels.VAT_AMOUNT, 13, Align.RIGHT),
            new Column(Labels.EXEMPTION_REASON, 32, Align.START));

    private VatBreakdownSection() {
    }

    static void draw(Canvas canvas, PrintedInvoice invoice) throws IOException {
        Sections.table(canvas, COLUMNS, Labels.VAT_BREAKDOWN, invoice.currency(), invoice.vatBreakdown().stream().map(VatBreakdownSection::row).toList());
    }

    private static List<String> row(VatBreakdown subtotal) {
        Bilingual category = Labels.vatCategory(subtotal.category());
        String reason = subtotal.exemptionCode() == null ? ""
                : subtotal.exemptionCode() + (subtotal.exemptionReason() == null ? "" : " " + subtotal.exemptionReason());
        return List.of(
                category.inline(),
                Amounts.rate(subtotal.rate()),
                Amounts.price(subtotal.taxable()),
                Amounts.price(subtotal.vat()),
                reason);
    }
}
