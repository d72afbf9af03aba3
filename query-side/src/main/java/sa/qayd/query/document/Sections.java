package sa.qayd.query.document;

/** What the sections share. */
final class Sections {

    /** Vertical space between sections. */
    static final float SPACING = 12;

    private Sections() {
    }

    /** A section title that says which currency its amounts are in. */
    static Bilingual withCurrency(Bilingual title, String currency) {
        return new Bilingual(title.english() + " (" + currency + ")", title.arabic() + " (" + currency + ")");
    }
}
