package sa.qayd.query.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks logical-order text into visual-order lines that fit a width, breaking at spaces where it
 * can. A newline starts a new paragraph with its own direction, so that the Arabic and English parts
 * of an address, for example, are each ordered on their own.
 */
final class Paragraph {

    /** One visual-order line and the direction of the paragraph it belongs to. */
    record Line(String visual, boolean rightToLeft) {
    }

    private Paragraph() {
    }

    static List<Line> lines(String text, Typeface face, float size, float maxWidth) {
        List<Line> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            wrap(paragraph.strip().replaceAll("\\s+", " "), face, size, maxWidth, lines);
        }
        return lines;
    }

    private static void wrap(String logical, Typeface face, float size, float maxWidth, List<Line> lines) {
        boolean rightToLeft = VisualText.isRightToLeft(logical);
        if (fits(logical, rightToLeft, face, size, maxWidth)) {
            // most cells hold one short line: skip measuring word by word
            lines.add(new Line(VisualText.of(logical, rightToLeft), rightToLeft));
            return;
        }
        String current = "";
        for (String word : logical.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (fits(candidate, rightToLeft, face, size, maxWidth)) {
                current = candidate;
                continue;
            }
            if (!current.isEmpty()) {
                lines.add(new Line(VisualText.of(current, rightToLeft), rightToLeft));
            }
            current = word;
            while (!fits(current, rightToLeft, face, size, maxWidth)) {
                int cut = longestFittingPrefix(current, rightToLeft, face, size, maxWidth);
                lines.add(new Line(VisualText.of(current.substring(0, cut), rightToLeft), rightToLeft));
                current = current.substring(cut);
            }
        }
        lines.add(new Line(VisualText.of(current, rightToLeft), rightToLeft));
    }

    private static int longestFittingPrefix(String word, boolean rightToLeft, Typeface face, float size, float maxWidth) {
        int cut = word.offsetByCodePoints(0, 1);
        while (cut < word.length()) {
            int next = word.offsetByCodePoints(cut, 1);
            if (!fits(word.substring(0, next), rightToLeft, face, size, maxWidth)) {
                break;
            }
            cut = next;
        }
        return cut;
    }

    private static boolean fits(String logical, boolean rightToLeft, Typeface face, float size, float maxWidth) {
        return face.width(VisualText.of(logical, rightToLeft), size) <= maxWidth;
    }
}
