package sa.qayd.query.document;

import java.io.IOException;
import java.util.List;

/** Rows of a bilingual caption and a value beside it, as used for the document facts, parties and totals. */
final class FieldList {

    /** @param emphasised printed in bold on a shaded band, for the amount the customer pays */
    record Field(Bilingual label, String value, boolean emphasised) {

        static Field of(Bilingual label, String value) {
            return new Field(label, value, false);
        }
    }

    private static final float ROW_GAP = 3;
    private static final float COLUMN_GAP = 8;

    private final Canvas canvas;
    private final float x;
    private final float width;
    private final float labelWidth;
    private final float size;
    private final Canvas.Align valueAlign;

    FieldList(Canvas canvas, float x, float width, float labelWidth, float size, Canvas.Align valueAlign) {
        this.canvas = canvas;
        this.x = x;
        this.width = width;
        this.labelWidth = labelWidth;
        this.size = size;
        this.valueAlign = valueAlign;
    }

    /** Fields with a null value are left out. Returns the y under the last row. */
    float draw(float top, List<Field> fields) throws IOException {
        float y = top;
        for (Field field : fields) {
            if (field.value() == null) {
                continue;
            }
            Typeface valueFace = field.emphasised() ? canvas.fonts().bold() : canvas.fonts().regular();
            float rowHeight = rowHeight(field, valueFace);
            if (field.emphasised()) {
                canvas.fill(x - ROW_GAP, y - rowHeight - ROW_GAP / 2, width + 2 * ROW_GAP, rowHeight + ROW_GAP, Canvas.SHADE);
            }
            canvas.caption(field.label(), valueFace, size, field.emphasised() ? Canvas.INK : Canvas.MUTED, x, y, labelWidth);
            canvas.paragraph(field.value(), valueFace, size, Canvas.INK, valueX(), y, valueWidth(), valueAlign);
            y -= rowHeight + ROW_GAP;
        }
        return y;
    }

    float height(List<Field> fields) {
        float height = 0;
        for (Field field : fields) {
            if (field.value() != null) {
                height += rowHeight(field, field.emphasised() ? canvas.fonts().bold() : canvas.fonts().regular()) + ROW_GAP;
            }
        }
        return height;
    }

    private float rowHeight(Field field, Typeface valueFace) {
        return Math.max(Canvas.captionHeight(field.label(), valueFace, size, labelWidth),
                Canvas.paragraphHeight(field.value(), valueFace, size, valueWidth()));
    }

    private float valueX() {
        return x + labelWidth + COLUMN_GAP;
    }

    private float valueWidth() {
        return width - labelWidth - COLUMN_GAP;
    }
}
