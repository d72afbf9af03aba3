package sa.qayd.query.document;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import sa.qayd.query.document.FieldList.Field;

/**
 * Document totals at the right, ending with the amount payable; zero allowances, charges, prepayments and
 * rounding are left out, and the VAT in SAR is shown for documents in another currency.
 */
final class TotalsSection {

    private static final float SIZE = 9;
    private static final float SHARE_OF_WIDTH = 0.62f;
    private static final float LABEL_WIDTH = 200;

    private TotalsSection() {
    }

    static void draw(Canvas canvas, PrintedInvoice invoice) throws IOException {
        DocumentTotals totals = invoice.totals();
        String currency = invoice.currency();
        List<Field> fields = List.of(
                Field.of(Labels.LINES_TOTAL, Amounts.money(totals.lineExtension(), currency)),
                Field.of(Labels.ALLOWANCES, unlessZero(totals.allowances(), currency)),
                Field.of(Labels.CHARGES, unlessZero(totals.charges(), currency)),
                Field.of(Labels.TOTAL_EXCLUDING_VAT, Amounts.money(totals.taxExclusive(), currency)),
                Field.of(Labels.TOTAL_VAT, Amounts.money(totals.vat(), currency)),
                Field.of(Labels.TOTAL_VAT_SAR, totals.vatInSar() == null ? null : Amounts.money(totals.vatInSar(), "SAR")),
                Field.of(Labels.TOTAL_INCLUDING_VAT, Amounts.money(totals.taxInclusive(), currency)),
                Field.of(Labels.PREPAID, unlessZero(totals.prepaid(), currency)),
                Field.of(Labels.ROUNDING, unlessZero(totals.rounding(), currency)),
                new Field(Labels.PAYABLE, Amounts.money(totals.payable(), currency), true));
        float width = canvas.width() * SHARE_OF_WIDTH;
        FieldList list = new FieldList(canvas, canvas.right() - width, width, LABEL_WIDTH, SIZE, Canvas.Align.RIGHT);
        canvas.ensureRoom(list.height(fields));
        canvas.down(canvas.y() - list.draw(canvas.y(), fields));
    }

    private static String unlessZero(BigDecimal amount, String currency) {
        return amount.signum() == 0 ? null : Amounts.money(amount, currency);
    }
}
