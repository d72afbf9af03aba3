package sa.qayd.zatca.model;

/** Checks on free text that ends up in the XML. */
final class Text {

    private Text() {
    }

    /** Requires non-blank text of at most {@code maxLength} characters that XML 1.0 can carry. */
    static String check(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        value.codePoints().forEach(c -> {
            boolean xmlChar = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!xmlChar) {
                throw new IllegalArgumentException(field + " contains a character XML cannot carry: U+" + Integer.toHexString(c));
            }
        });
        return value;
    }

    static String optional(String field, String value, int maxLength) {
        return value == null ? null : check(field, value, maxLength);
    }

    static String matching(String field, String value, String regex) {
        if (value == null || !value.matches(regex)) {
            throw new IllegalArgumentException(field + " must match " + regex + ", got " + value);
        }
        return value;
    }
}
