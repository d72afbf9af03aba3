package sa.qayd.query.document;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;

/**
 * Turns one line of logical-order text into the glyph order a PDF needs. PDFBox draws code points
 * left to right as given and does no OpenType shaping, so Arabic letters are first replaced by their
 * contextual presentation forms (initial, medial, final, lam-alef ligatures) and the line is then
 * reordered by the Unicode bidirectional algorithm.
 */
final class VisualText {

    private static final int SHAPING_OPTIONS = ArabicShaping.LETTERS_SHAPE_TASHKEEL_ISOLATED
            | ArabicShaping.TEXT_DIRECTION_LOGICAL | ArabicShaping.LENGTH_GROW_SHRINK;
    /** Isolated forms of fathatan, dammatan, kasratan, fatha, damma, kasra, shadda, sukun … */
    private static final String ISOLATED_HARAKAT = "\uFE70\uFE72\uFE74\uFE76\uFE78\uFE7A\uFE7C\uFE7E";
    /** … and the combining marks they stand for, in the same order. */
    private static final String COMBINING_HARAKAT = "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652";
    /** Marks follow their letter so that, drawn after it with zero advance, they sit on it. */
    private static final int REORDERING_OPTIONS = Bidi.DO_MIRRORING | Bidi.KEEP_BASE_COMBINING;

    private VisualText() {
    }

    /** The line in visual order, its paragraph direction taken from its first strong character. */
    static String of(String logicalLine) {
        return of(logicalLine, isRightToLeft(logicalLine));
    }

    /** The line in visual order within a paragraph of the given direction (lines wrapped from one paragraph share it). */
    static String of(String logicalLine, boolean rightToLeftParagraph) {
        if (!rightToLeftParagraph && !containsRightToLeft(logicalLine)) {
            return logicalLine;
        }
        Bidi bidi = new Bidi();
        bidi.setPara(combiningHarakat(shape(logicalLine)), rightToLeftParagraph ? Bidi.RTL : Bidi.LTR, null);
        return bidi.writeReordered(REORDERING_OPTIONS);
    }

    static boolean isRightToLeft(String text) {
        return Bidi.getBaseDirection(text) == Bidi.RTL;
    }

    private static String shape(String logical) {
        try {
            // a new shaper per call: ArabicShaping keeps per-call state and is not documented as thread-safe
            return new ArabicShaping(SHAPING_OPTIONS).shape(logical);
        } catch (ArabicShapingException e) {
            throw new IllegalStateException("cannot shape " + logical, e);
        }
    }

    /**
     * Turns the harakat (tashkeel, e.g. the tanween of مقدماً) back into combining marks: their
     * isolated presentation forms are spacing glyphs that would stand beside the letter, while a
     * combining mark has no advance and is drawn over the letter before it.
     */
    private static String combiningHarakat(String shaped) {
        char[] chars = shaped.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            int haraka = ISOLATED_HARAKAT.indexOf(chars[i]);
            if (haraka >= 0) {
                chars[i] = COMBINING_HARAKAT.charAt(haraka);
            }
        }
        return new String(chars);
    }

    private static boolean containsRightToLeft(String text) {
        return text.codePoints().anyMatch(c -> {
            byte direction = Character.getDirectionality(c);
            return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        });
    }
}
