package sa.qayd.query.document;

import java.io.IOException;
import java.util.List;

/** A table with bilingual column headings that flows over pages, repeating its heading row on each. */
final class Table {

    /** @param weight the column's share of the table width */
    record Column(Bilingual heading, float weight, Canvas.Align align) {
    }

    private static final float HEADING_SIZE = 7.5f;
    private static final float BODY_SIZE = 8;
    private static final float PADDING = 3;

    private final Canvas canvas;
    private final List<Column> columns;
    private final float[] widths;

    Table(Canvas canvas, List<Column> columns) {
        this.canvas = canvas;
        this.columns = List.copyOf(columns);
        float totalWeight = (float) columns.stream().mapToDouble(Column::weight).sum();
        this.widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = canvas.width() * columns.get(i).weight() / totalWeight;
        }
    }

    /**
     * Draws the table under a section title, starting a new page first if the title, the heading row
     * and the first row would not fit together: a title never ends a page alone.
     */
    void drawSection(Bilingual title, List<List<String>> rows) throws IOException {
        canvas.ensureRoom(Canvas.HEADING_HEIGHT + headingHeight() + rowHeight(rows.get(0)));
        canvas.heading(title);
        draw(rows);
        canvas.down(Sections.SPACING);
    }

    private void draw(List<List<String>> rows) throws IOException {
        drawHeading();
        for (List<String> row : rows) {
            float height = rowHeight(row);
            if (canvas.ensureRoom(height)) {
                drawHeading();
            }
            float x = canvas.left();
            for (int i = 0; i < widths.length; i++) {
                canvas.paragraph(row.get(i), canvas.fonts().regular(), BODY_SIZE, Canvas.INK, x + PADDING, canvas.y() - PADDING,
                        widths[i] - 2 * PADDING, columns.get(i).align());
                x += widths[i];
            }
            canvas.down(height);
            canvas.rule(canvas.left(), canvas.right(), canvas.y(), 0.4f, Canvas.HAIRLINE);
        }
    }

    private void drawHeading() throws IOException {
        float height = headingHeight();
        canvas.fill(canvas.left(), canvas.y() - height, canvas.width(), height, Canvas.SHADE);
        Typeface bold = canvas.fonts().bold();
        float x = canvas.left();
        for (int i = 0; i < widths.length; i++) {
            Column column = columns.get(i);
            float cellWidth = widths[i] - 2 * PADDING;
            Canvas.Align align = column.align() == Canvas.Align.START ? Canvas.Align.LEFT : column.align();
            float top = canvas.y() - PADDING;
            float baseline = top - HEADING_SIZE;
            canvas.visualLine(column.heading().english(), bold, HEADING_SIZE, Canvas.INK, x + PADDING, baseline, cellWidth, align);
            canvas.visualLine(VisualText.of(column.heading().arabic()), bold, HEADING_SIZE, Canvas.MUTED, x + PADDING,
                    baseline - HEADING_SIZE * Canvas.LEADING, cellWidth, align);
            x += widths[i];
        }
        canvas.down(height);
    }

    private float headingHeight() {
        return Canvas.height(2, HEADING_SIZE) + 2 * PADDING;
    }

    private float rowHeight(List<String> row) {
        float height = 0;
        for (int i = 0; i < widths.length; i++) {
            height = Math.max(height, Canvas.paragraphHeight(row.get(i), canvas.fonts().regular(), BODY_SIZE, widths[i] - 2 * PADDING));
        }
        return height + 2 * PADDING;
    }
}
