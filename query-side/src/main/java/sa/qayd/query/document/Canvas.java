package sa.qayd.query.document;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * A top-down writing surface over as many A4 pages as the content needs. {@link #y()} is the top of
 * the free space; sections ask for room before drawing so that nothing is cut at a page end.
 */
final class Canvas implements AutoCloseable {

    /** START follows the text: left for left-to-right text, right for Arabic text. */
    enum Align { LEFT, RIGHT, START }

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 36;
    /** Kept free at the bottom of each page for the footer drawn after layout. */
    static final float FOOTER_SPACE = 30;
    static final float LEADING = 1.3f;
    private static final float HEADING_SIZE = 10.5f;
    /** Room a {@link #heading} takes at most, for sections that must not leave their heading alone at a page end. */
    static final float HEADING_HEIGHT = height(2, HEADING_SIZE) + 8;

    static final Color INK = new Color(0x1f, 0x29, 0x33);
    static final Color MUTED = new Color(0x5f, 0x6b, 0x76);
    static final Color ACCENT = new Color(0x0b, 0x5d, 0x5b);
    static final Color SHADE = new Color(0xe8, 0xf0, 0xef);
    static final Color HAIRLINE = new Color(0xc5, 0xcf, 0xd3);

    private final PDDocument document;
    private final DocumentFonts fonts;
    private PDPageContentStream stream;
    private float y;

    Canvas(PDDocument document, DocumentFonts fonts) throws IOException {
        this.document = document;
        this.fonts = fonts;
        newPage();
    }

    DocumentFonts fonts() {
        return fonts;
    }

    float left() {
        return MARGIN;
    }

    float right() {
        return PAGE.getWidth() - MARGIN;
    }

    float width() {
        return right() - left();
    }

    float y() {
        return y;
    }

    void down(float distance) {
        y -= distance;
    }

    /** Starts a new page unless {@code height} still fits on this one; true if it started one. */
    boolean ensureRoom(float height) throws IOException {
        if (y - height >= MARGIN + FOOTER_SPACE) {
            return false;
        }
        newPage();
        return true;
    }

    /** Draws wrapped text with its top at {@code top}; returns the height it took. */
    float paragraph(String logical, Typeface face, float size, Color color, float x, float top, float width, Align align)
            throws IOException {
        List<Paragraph.Line> lines = Paragraph.lines(logical, face, size, width);
        // the first line decides for the block: lines of one value aligned differently look like separate values
        Align resolved = align != Align.START ? align : lines.get(0).rightToLeft() ? Align.RIGHT : Align.LEFT;
        float baseline = top - size;
        for (Paragraph.Line line : lines) {
            visualLine(line.visual(), face, size, color, x, baseline, width, resolved);
            baseline -= size * LEADING;
        }
        return height(lines.size(), size);
    }

    static float paragraphHeight(String logical, Typeface face, float size, float width) {
        return height(Paragraph.lines(logical, face, size, width).size(), size);
    }

    static float height(int lines, float size) {
        return lines * size * LEADING;
    }

    /**
     * Draws a caption with the English at the left and the Arabic at the right of {@code width}, or
     * the Arabic under the English when both do not fit on one line; returns the height it took.
     */
    float caption(Bilingual caption, Typeface face, float size, Color color, float x, float top, float width)
            throws IOException {
        String arabic = VisualText.of(caption.arabic());
        float baseline = top - size;
        visualLine(caption.english(), face, size, color, x, baseline, width, Align.LEFT);
        if (fitsOnOneLine(caption, face, size, width)) {
            visualLine(arabic, face, size, color, x, baseline, width, Align.RIGHT);
            return height(1, size);
        }
        visualLine(arabic, face, size, color, x, baseline - size * LEADING, width, Align.RIGHT);
        return height(2, size);
    }

    static float captionHeight(Bilingual caption, Typeface face, float size, float width) {
        return height(fitsOnOneLine(caption, face, size, width) ? 1 : 2, size);
    }

    private static boolean fitsOnOneLine(Bilingual caption, Typeface face, float size, float width) {
        float gap = size;
        return face.width(caption.english(), size) + gap + face.width(VisualText.of(caption.arabic()), size) <= width;
    }

    /** A section title across the page with a rule under it. */
    void heading(Bilingual title) throws IOException {
        down(caption(title, fonts.bold(), HEADING_SIZE, ACCENT, left(), y, width()) + 2);
        rule(left(), right(), y, 0.8f, ACCENT);
        down(6);
    }

    /** Draws one line that is already in visual order. */
    void visualLine(String visual, Typeface face, float size, Color color, float x, float baseline, float width, Align align)
            throws IOException {
        float textWidth = face.width(visual, size);
        float start = switch (align) {
            case LEFT -> x;
            case RIGHT -> x + width - textWidth;
            case START -> throw new IllegalArgumentException("resolve START against the logical text first");
        };
        stream.setNonStrokingColor(color);
        stream.beginText();
        stream.newLineAtOffset(start, baseline);
        for (Typeface.GlyphRun run : face.runs(visual)) {
            stream.setFont(run.font(), size);
            stream.showText(run.text());
        }
        stream.endText();
    }

    void fill(float x, float bottom, float width, float height, Color color) throws IOException {
        stream.setNonStrokingColor(color);
        stream.addRect(x, bottom, width, height);
        stream.fill();
    }

    void rule(float x1, float x2, float atY, float thickness, Color color) throws IOException {
        stream.setStrokingColor(color);
        stream.setLineWidth(thickness);
        stream.moveTo(x1, atY);
        stream.lineTo(x2, atY);
        stream.stroke();
    }

    /** Draws a bitmap losslessly; PDF/A forbids interpolation, so a QR code keeps sharp modules. */
    void image(BufferedImage image, float x, float bottom, float width, float height) throws IOException {
        stream.drawImage(LosslessFactory.createFromImage(document, image), x, bottom, width, height);
    }

    /**
     * Draws on every page once the layout is done, when the page count is known: {@code decorator}
     * gets the page number and count and draws through this canvas.
     */
    void decoratePages(PageDecorator decorator) throws IOException {
        close();
        int count = document.getNumberOfPages();
        for (int number = 1; number <= count; number++) {
            stream = new PDPageContentStream(document, document.getPage(number - 1), PDPageContentStream.AppendMode.APPEND, true);
            decorator.decorate(number, count);
            close();
        }
    }

    interface PageDecorator {
        void decorate(int pageNumber, int pageCount) throws IOException;
    }

    private void newPage() throws IOException {
        close();
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
