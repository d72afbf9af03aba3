package sa.qayd.query.document;

import java.io.IOException;
import java.util.List;

/** What the sections share. */
final class Sections {

    /** Vertical space between sections. */
    static final float SPACING = 12;

    private Sections() {
    }

    /** A table under a title that names its amounts' currency; nothing at all without rows. */
    static void table(Canvas canvas, List<Table.Column> columns, Bilingual title, String currency, List<List<String>> rows)
            throws IOException {
        if (!rows.isEmpty()) {
            new Table(canvas, columns).drawSection(withCurrency(title, currency), rows);
        }
    }

    /** A section title that says which currency its amounts are in. */
    static Bilingual withCurrency(Bilingual title, String currency) {
        return new Bilingual(title.english() + " (" + currency + ")", title.arabic() + " (" + currency + ")");
    }
}
