package sa.qayd.query.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisualTextTest {

    @Test
    void leavesLeftToRightTextAlone() {
        assertThat(VisualText.of("Total incl. VAT (SAR)")).isEqualTo("Total incl. VAT (SAR)");
    }

    @Test
    void joinsArabicLettersAndPutsThemRightToLeft() {
        // كتاب: kaf initial, teh medial, alef final, beh isolated (alef does not join to the left), drawn last-first
        assertThat(VisualText.of("كتاب")).isEqualTo("\uFE8F\uFE8E\uFE98\uFEDB");
    }

    @Test
    void usesTheLamAlefLigature() {
        // لا is one glyph, not lam followed by alef
        assertThat(VisualText.of("لا")).isEqualTo("\uFEFB");
    }

    @Test
    void keepsHarakatAsMarksAfterTheirLetter() {
        // مقدماً ends alef + fathatan: the tanween stays U+064B and follows the (final) alef it sits on
        String visual = VisualText.of("مقدماً");
        assertThat(visual).startsWith("\uFE8E\u064B");
    }

    @Test
    void keepsNumbersLeftToRightInsideArabic() {
        // صفحة 12: the number stays "12", on the left of the word
        assertThat(VisualText.of("صفحة 12")).isEqualTo("12 \uFE94\uFEA4\uFED4\uFEBB");
    }

    @Test
    void ordersMixedTextByItsFirstStrongCharacter() {
        assertThat(VisualText.of("Total / كتاب")).startsWith("Total / ");
        assertThat(VisualText.of("كتاب | Book")).isEqualTo("Book | \uFE8F\uFE8E\uFE98\uFEDB");
    }

    @Test
    void aLatinLineWrappedFromAnArabicParagraphKeepsTheParagraphsDirection() {
        // the second line of "شركة … | Maximum Speed LTD": the bar belongs at its right, next to the Arabic above
        assertThat(VisualText.of("| Maximum Speed LTD", true)).isEqualTo("Maximum Speed LTD |");
    }

    @Test
    void mirrorsBracketsInRightToLeftText() {
        assertThat(VisualText.of("البنود (SAR)")).startsWith("(SAR) ");
    }
}
