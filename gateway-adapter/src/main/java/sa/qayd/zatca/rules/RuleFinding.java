package sa.qayd.zatca.rules;

/**
 * One finding of ZATCA's validation: an XSD error, or a failed assertion of the EN 16931 or the KSA
 * schematron with its rule id (e.g. {@code BR-KSA-04}) and flag.
 *
 * @param source {@code XSD}, {@code EN16931} or {@code KSA}
 * @param id the rule id; for XSD the line of the error
 * @param flag {@code error} or {@code warning}
 * @param text the rule's message, whitespace collapsed
 */
public record RuleFinding(String source, String id, String flag, String text) {

    public boolean error() {
        return !"warning".equals(flag);
    }

    @Override
    public String toString() {
        return source + " " + flag + " " + id + ": " + text;
    }
}
