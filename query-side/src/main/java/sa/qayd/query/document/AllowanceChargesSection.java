package sa.qayd.query.document;

import java.io.IOException;
import java.util.List;
import sa.qayd.query.document.Canvas.Align;
import sa.qayd.query.document.Table.Column;

/** The document-level discounts and charges, each with its reason and VAT category; absent when there are none. */
final class AllowanceChargesSection {

    private static final List<Column> COLUMNS = List.of(
            new Column(Labels.TYPE, 12, Align.START),
            new Column(Labels.ALLOWANCE_REASON, 38, Align.START),
            new Column(Labels.CATEGORY, 22, Align.START),
            new Column(Labels.RATE, 8, Align.RIGHT),
            new Column(Labels.AMOUNT, 15, Align.RIGHT));

    private AllowanceChargesSection() {
    }

    static void draw(Canvas canvas, PrintedInvoice invoice) throws IOException {
        Sections.table(canvas, COLUMNS, Labels.ALLOWANCES_AND_CHARGES, invoice.currency(), invoice.allowanceCharges().stream().map(AllowanceChargesSection::row).toList());
    }

    private static List<String> row(PrintedAllowanceCharge entry) {
        Bilingual type = entry.charge() ? Labels.CHARGE : Labels.DISCOUNT;
        Bilingual category = Labels.vatCategory(entry.vatCategory());
        String reason = (entry.reasonCode() == null ? "" : entry.reasonCode() + " ")
                + (entry.reason() == null ? "" : entry.reason());
        return List.of(
                type.inline(),
                reason.strip(),
                category.inline(),
                Amounts.rate(entry.vatRate()),
                Amounts.price(entry.amount()));
    }
}
