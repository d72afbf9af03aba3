package sa.qayd.query.document;

import java.io.IOException;
import java.util.List;
import sa.qayd.query.document.FieldList.Field;

/** Seller and buyer side by side, the same on every kind of document; a simplified document may have no buyer. */
final class PartiesSection {

    private static final float GAP = 16;
    private static final float HEADING_SIZE = 9.5f;
    private static final float FIELD_SIZE = 8;
    private static final float LABEL_WIDTH = 96;

    private PartiesSection() {
    }

    static void draw(Canvas canvas, PrintedInvoice invoice) throws IOException {
        float top = canvas.y();
        float width = (canvas.width() - GAP) / 2;
        float bottom = party(canvas, Labels.SELLER, invoice.seller(), canvas.left(), top, width);
        if (invoice.buyer() != null) {
            bottom = Math.min(bottom, party(canvas, Labels.BUYER, invoice.buyer(), canvas.left() + width + GAP, top, width));
        }
        canvas.down(top - bottom + 10);
    }

    private static float party(Canvas canvas, Bilingual title, PrintedParty party, float x, float top, float width)
            throws IOException {
        float y = top - canvas.caption(title, canvas.fonts().bold(), HEADING_SIZE, Canvas.ACCENT, x, top, width) - 2;
        canvas.rule(x, x + width, y, 0.6f, Canvas.HAIRLINE);
        List<Field> fields = List.of(
                Field.of(Labels.NAME, party.name()),
                Field.of(Labels.VAT_NUMBER, party.vatNumber()),
                Field.of(Labels.partyId(party.idScheme()), party.idValue()),
                Field.of(Labels.ADDRESS, party.addressLines().isEmpty() ? null : String.join("\n", party.addressLines())));
        return new FieldList(canvas, x, width, LABEL_WIDTH, FIELD_SIZE, Canvas.Align.START).draw(y - 5, fields);
    }
}
