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

    private static final int SHAPING_OPTIONS = ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL
            | ArabicShaping.LENGTH_GROW_SHRINK;

    private VisualText() {
    }

    /** The line in visual order, its paragraph direction taken from its first strong character. */
    static String of(String logicalLine) {
        return of(logicalLine, isRightToLeft(logicalLine));
    }

    /** The line in visual order within a paragraph of the given direction (lines wrapped from one paragraph share it). */
    static String of(String logicalLine, boolean rightToLeftParagraph) {
        if (!needsReordering(logicalLine)) {
            return logicalLine;
        }
        Bidi bidi = new Bidi();
        bidi.setPara(shape(logicalLine), rightToLeftParagraph ? Bidi.RTL : Bidi.LTR, null);
        return bidi.writeReordered(Bidi.DO_MIRRORING);
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

    private static boolean needsReordering(String text) {
        return text.codePoints().anyMatch(c -> {
            byte direction = Character.getDirectionality(c);
            return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        });
    }
}
