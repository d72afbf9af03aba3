package sa.qayd.zatca.ubl;

import java.math.BigDecimal;

/**
 * Writes pretty-printed XML (4-space indent, LF) in canonical form: no empty-element tags, at most
 * one attribute per element, canonical escaping. Each element starts on a new line.
 */
final class XmlBuilder {

    private final StringBuilder out;
    private final String currency;
    private int depth;

    /**
     * @param capacity expected length, so that the buffer is not regrown (a measurable cost per invoice)
     * @param currency the {@code currencyID} of {@link #amount}
     */
    XmlBuilder(int depth, int capacity, String currency) {
        this.depth = depth;
        this.out = new StringBuilder(capacity);
        this.currency = currency;
    }

    XmlBuilder start(String name) {
        newLine().append('<').append(name).append('>');
        depth++;
        return this;
    }

    XmlBuilder end(String name) {
        depth--;
        newLine().append("</").append(name).append('>');
        return this;
    }

    XmlBuilder leaf(String name, String text) {
        newLine().append('<').append(name).append('>');
        XmlText.appendText(out, text);
        out.append("</").append(name).append('>');
        return this;
    }

    XmlBuilder leaf(String name, String attribute, String attributeValue, String text) {
        newLine().append('<').append(name).append(' ').append(attribute).append("=\"");
        XmlText.appendAttribute(out, attributeValue);
        out.append("\">");
        XmlText.appendText(out, text);
        out.append("</").append(name).append('>');
        return this;
    }

    XmlBuilder optionalLeaf(String name, String text) {
        return text == null ? this : leaf(name, text);
    }

    /** An amount in the document currency. */
    XmlBuilder amount(String name, BigDecimal amount) {
        return amount(name, currency, amount);
    }

    XmlBuilder amount(String name, String currencyId, BigDecimal amount) {
        return leaf(name, "currencyID", currencyId, amount.toPlainString());
    }

    /** Ends the current output with the indentation of the next element, for text that follows. */
    XmlBuilder indentForNext() {
        newLine();
        return this;
    }

    XmlBuilder raw(String text) {
        out.append(text);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private StringBuilder newLine() {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("    ");
        }
        return out;
    }
}
