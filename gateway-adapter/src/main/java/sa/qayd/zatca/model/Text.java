package sa.qayd.zatca.model;

import java.util.Optional;

/**
 * The one rule for free text, from the API's request fields to the XML and the CSR: at most
 * {@code maxLength} characters, well-formed Unicode (no lone surrogate, no noncharacter) and no
 * control character at all. Such text can be stored by PostgreSQL (which refuses NUL), written
 * as XML 1.0 and put into a certificate; anything else is refused, never trimmed or replaced.
 */
public final class Text {

    private Text() {
    }

    /** Why the text is not acceptable ("must …", to follow the field's name), or empty if it is. */
    public static Optional<String> problem(String value, int maxLength) {
        if (value.length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (Character.isSurrogate((char) c)) {
                return Optional.of("must be valid Unicode (a lone surrogate at position " + i + ")");
            }
            if (Character.getType(c) == Character.CONTROL) {
                return Optional.of("must not contain control characters (U+%04X at position %d)".formatted(c, i));
            }
            if (isNoncharacter(c)) {
                return Optional.of("must not contain noncharacters (U+%04X at position %d)".formatted(c, i));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane: reserved, never text (and U+FFFE/F are not XML). */
    private static boolean isNoncharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }

    /** Requires non-blank text that passes {@link #problem}. */
    static String check(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        problem(value, maxLength).ifPresent(problem -> {
            throw new IllegalArgumentException(field + " " + problem);
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
