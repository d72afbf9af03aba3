package sa.qayd.zatca.ubl;

/**
 * Escapes text exactly as Canonical XML (C14N 1.0/1.1) writes it, so that the text Qayd emits is
 * already in canonical form and can be hashed without a parse/canonicalise round trip.
 */
public final class XmlText {

    private XmlText() {
    }

    /** Character content: {@code & < >} and CR escaped, everything else verbatim. */
    public static void appendText(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }

    /** Attribute values: {@code & < "} and TAB/LF/CR escaped, so parsers do not normalise them away. */
    public static void appendAttribute(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#x9;");
                case '\n' -> out.append("&#xA;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }

    public static String text(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        appendText(out, text);
        return out.toString();
    }
}
