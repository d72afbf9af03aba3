package sa.qayd.query.document;

import java.io.IOException;
import java.util.List;
import sa.qayd.query.document.Canvas.Align;
import sa.qayd.query.document.Table.Column;

/** The invoice lines; the only section long enough to run over several pages. */
final class LinesSection {

    private static final List<Column> COLUMNS = List.of(
            new Column(Labels.LINE_NUMBER, 3, Align.LEFT),
            new Column(Labels.ITEM, 25, Align.START),
            new Column(Labels.QUANTITY, 7, Align.RIGHT),
            new Column(Labels.UNIT_PRICE, 10, Align.RIGHT),
            new Column(Labels.VAT_RATE, 8, Align.RIGHT),
            new Column(Labels.LINE_NET, 11, Align.RIGHT),
            new Column(Labels.LINE_VAT, 10, Align.RIGHT),
            new Column(Labels.LINE_TOTAL, 11, Align.RIGHT));

    /** Only lines outside the standard rate name their category: 0% alone does not say zero-rated, exempt or out of scope. */
    private static final String STANDARD_RATED = "S";
    /** Pieces go without saying; any other unit is printed after its quantity. */
    private static final String PIECES = "PCE";

    private LinesSection() {
    }

    static void draw(Canvas canvas, PrintedInvoice invoice) throws IOException {
        Sections.table(canvas, COLUMNS, Labels.ITEMS, invoice.currency(), invoice.lines().stream().map(LinesSection::row).toList());
    }

    private static List<String> row(PrintedLine line) {
        return List.of(
                line.id(),
                line.name(),
                Amounts.quantity(line.quantity())
                        + (line.unitCode() == null || PIECES.equals(line.unitCode()) ? "" : " " + line.unitCode()),
                Amounts.price(line.unitPrice()),
                Amounts.rate(line.vatRate()) + (STANDARD_RATED.equals(line.vatCategory()) ? "" : " " + line.vatCategory()),
                Amounts.price(line.net()),
                Amounts.price(line.vat()),
                Amounts.price(line.total()));
    }
}
