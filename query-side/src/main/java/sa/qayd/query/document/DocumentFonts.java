package sa.qayd.query.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Noto fonts shipped in this module (never system fonts: rendering must give the same bytes on
 * every machine and work offline), embedded as subsets because PDF/A requires every font embedded.
 */
record DocumentFonts(Typeface regular, Typeface bold) {

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
        try (InputStream in = DocumentFonts.class.getResourceAsStream("/document/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
