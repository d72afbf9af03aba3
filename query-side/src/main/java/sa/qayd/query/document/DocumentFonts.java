package sa.qayd.query.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Noto fonts shipped in this module (never system fonts: rendering must give the same bytes on
 * every machine and work offline), embedded as subsets because PDF/A requires every font embedded.
 */
record DocumentFonts(Typeface regular, Typeface bold) {

    private static final int TABLE_COUNT_OFFSET = 4;
    private static final int TABLE_RECORDS_OFFSET = 12;
    private static final int TABLE_RECORD_LENGTH = 16;
    private static final byte[] GSUB = "GSUB".getBytes(StandardCharsets.US_ASCII);
    /** A tag no font reader knows: the table stays in the file but is no longer found. */
    private static final byte[] HIDDEN_GSUB = "gsub".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] LATIN_REGULAR = fontFile("NotoSans-Regular.ttf");
    private static final byte[] LATIN_BOLD = fontFile("NotoSans-Bold.ttf");
    private static final byte[] ARABIC_REGULAR = fontFile("NotoSansArabic-Regular.ttf");
    private static final byte[] ARABIC_BOLD = fontFile("NotoSansArabic-Bold.ttf");

    static DocumentFonts embedIn(PDDocument document) throws IOException {
        return new DocumentFonts(
                new Typeface(subset(document, LATIN_REGULAR), subset(document, ARABIC_REGULAR)),
                new Typeface(subset(document, LATIN_BOLD), subset(document, ARABIC_BOLD)));
    }

    private static PDType0Font subset(PDDocument document, byte[] file) throws IOException {
        return PDType0Font.load(document, new RandomAccessReadBuffer(file), true, false);
    }

    private static byte[] fontFile(String name) {
        return withoutGlyphSubstitution(ClasspathResource.bytes("/document/fonts/" + name));
    }

    /**
     * Hides the font's GSUB table from PDFBox. PDFBox 3.0 applies GSUB substitutions (Latin ligatures
     * such as "fi") on every showText, rebuilding a regular expression each time, which took a third
     * of the render time; and text must be drawn with exactly the glyphs whose widths were measured
     * for alignment. Arabic is already shaped by {@link VisualText}. The subset embedded in the PDF
     * never contains GSUB, so the document is unaffected.
     */
    private static byte[] withoutGlyphSubstitution(byte[] font) {
        int tables = ((font[TABLE_COUNT_OFFSET] & 0xff) << 8) | (font[TABLE_COUNT_OFFSET + 1] & 0xff);
        for (int i = 0; i < tables; i++) {
            int tag = TABLE_RECORDS_OFFSET + i * TABLE_RECORD_LENGTH;
            if (Arrays.equals(font, tag, tag + GSUB.length, GSUB, 0, GSUB.length)) {
                System.arraycopy(HIDDEN_GSUB, 0, font, tag, HIDDEN_GSUB.length);
            }
        }
        return font;
    }
}
