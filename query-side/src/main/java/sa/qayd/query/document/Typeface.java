package sa.qayd.query.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One weight of the document's type: a Latin font and an Arabic font used together, because no
 * single freely licensed font covers both scripts well. Each code point of visual-order text goes to
 * the font that has it, Arabic letters always to the Arabic font.
 */
final class Typeface {

    /** A piece of visual-order text drawn with one font. */
    record GlyphRun(PDType0Font font, String text) {
    }

    /** Drawn for characters neither font has: PDF/A forbids references to .notdef. */
    private static final int REPLACEMENT = '?';

    private final PDType0Font latin;
    private final PDType0Font arabic;
    private final CmapLookup latinGlyphs;
    private final CmapLookup arabicGlyphs;

    Typeface(PDType0Font latin, PDType0Font arabic) {
        this.latin = latin;
        this.arabic = arabic;
        this.latinGlyphs = latin.getCmapLookup();
        this.arabicGlyphs = arabic.getCmapLookup();
    }

    List<GlyphRun> runs(String visual) {
        List<GlyphRun> runs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        PDType0Font runFont = null;
        for (int i = 0; i < visual.length(); ) {
            int codePoint = visual.codePointAt(i);
            i += Character.charCount(codePoint);
            PDType0Font font = fontFor(codePoint, runFont);
            if (font == null) {
                codePoint = REPLACEMENT;
                font = latin;
            }
            if (font != runFont && runFont != null) {
                runs.add(new GlyphRun(runFont, text.toString()));
                text.setLength(0);
            }
            runFont = font;
            text.appendCodePoint(codePoint);
        }
        if (runFont != null) {
            runs.add(new GlyphRun(runFont, text.toString()));
        }
        return runs;
    }

    float width(String visual, float size) {
        float width = 0;
        for (GlyphRun run : runs(visual)) {
            try {
                width += run.font().getStringWidth(run.text()) / 1000 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return width;
    }

    /** A combining mark stays with the font of the letter it sits on. */
    private PDType0Font fontFor(int codePoint, PDType0Font previous) {
        if (Character.getType(codePoint) == Character.NON_SPACING_MARK && previous != null && glyphs(previous).getGlyphId(codePoint) != 0) {
            return previous;
        }
        boolean hasLatin = latinGlyphs.getGlyphId(codePoint) != 0;
        boolean hasArabic = arabicGlyphs.getGlyphId(codePoint) != 0;
        if (hasArabic && (Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.ARABIC || !hasLatin)) {
            return arabic;
        }
        return hasLatin ? latin : null;
    }

    private CmapLookup glyphs(PDType0Font font) {
        return font == arabic ? arabicGlyphs : latinGlyphs;
    }
}
