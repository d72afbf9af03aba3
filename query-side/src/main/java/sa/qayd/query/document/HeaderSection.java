package sa.qayd.query.document;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import sa.qayd.query.document.FieldList.Field;

/** Title, the document's identifying facts and the QR code. */
final class HeaderSection {

    private static final float TITLE_SIZE = 17;
    private static final float FACT_SIZE = 8.5f;
    private static final float FACT_LABEL_WIDTH = 150;
    private static final float QR_SIZE = 128;
    private static final float QR_GAP = 16;

    private HeaderSection() {
    }

    static void draw(Canvas canvas, PrintedInvoice invoice) throws IOException {
        float titleHeight = canvas.caption(Labels.title(invoice.kind()), canvas.fonts().bold(), TITLE_SIZE, Canvas.ACCENT,
                canvas.left(), canvas.y(), canvas.width());
        canvas.down(titleHeight + 4);
        canvas.rule(canvas.left(), canvas.right(), canvas.y(), 1.5f, Canvas.ACCENT);
        canvas.down(10);

        float top = canvas.y();
        float factsWidth = canvas.width() - QR_SIZE - QR_GAP;
        float bottom = new FieldList(canvas, canvas.left(), factsWidth, FACT_LABEL_WIDTH, FACT_SIZE, Canvas.Align.START)
                .draw(top, facts(invoice));
        if (invoice.qrPayload() != null) {
            canvas.image(QrSymbol.of(invoice.qrPayload()), canvas.right() - QR_SIZE, top - QR_SIZE, QR_SIZE, QR_SIZE);
            bottom = Math.min(bottom, top - QR_SIZE);
        }
        canvas.down(top - bottom + 8);
    }

    /** Facts the document does not state are left out, so a plain invoice prints as it always has. */
    private static List<Field> facts(PrintedInvoice invoice) {
        return List.of(
                Field.of(Labels.INVOICE_NUMBER, invoice.invoiceNumber()),
                Field.of(Labels.ISSUE_DATE, invoice.issueDate() + " " + invoice.issueTime()),
                Field.of(Labels.TRANSACTION, invoice.transactions().isEmpty() ? null : invoice.transactions().stream()
                        .map(Labels::transaction).map(Bilingual::inline)
                        .collect(Collectors.joining("\n"))),
                Field.of(Labels.SUPPLY_DATE, text(invoice.supplyDate())),
                Field.of(Labels.SUPPLY_END_DATE, text(invoice.supplyEndDate())),
                Field.of(Labels.INVOICE_PERIOD, invoice.invoicePeriod()),
                Field.of(Labels.BILLING_REFERENCE, invoice.billingReference()),
                Field.of(Labels.REASON, invoice.reason()),
                Field.of(Labels.PURCHASE_ORDER, invoice.purchaseOrder()),
                Field.of(Labels.CONTRACT, invoice.contract()),
                Field.of(Labels.EXCHANGE_RATE, invoice.exchangeRate() == null ? null
                        : "1 " + invoice.currency() + " = " + invoice.exchangeRate() + " SAR"),
                Field.of(Labels.ICV, invoice.icv()),
                Field.of(Labels.UUID, invoice.uuid().toString()),
                Field.of(Labels.NOTE, invoice.note()));
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
