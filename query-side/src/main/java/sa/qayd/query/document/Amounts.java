package sa.qayd.query.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formats of the printed document: grouping commas and Western digits, whatever the JVM locale. */
final class Amounts {

    private static final int MONEY_DECIMALS = 2;

    private Amounts() {
    }

    /** Money with two decimals and the currency code, e.g. {@code 1,234.50 SAR}. */
    static String money(BigDecimal amount, String currency) {
        return grouped(amount.setScale(MONEY_DECIMALS, RoundingMode.HALF_UP)) + " " + currency;
    }

    /** A unit price keeps any precision beyond two decimals: it is what the XML states, not a rounded total. */
    static String price(BigDecimal price) {
        return grouped(price.setScale(Math.max(MONEY_DECIMALS, price.scale()), RoundingMode.UNNECESSARY));
    }

    static String quantity(BigDecimal quantity) {
        return quantity.signum() == 0 ? "0" : quantity.stripTrailingZeros().toPlainString();
    }

    static String rate(BigDecimal percent) {
        return quantity(percent) + "%";
    }

    private static String grouped(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,." + amount.scale() + "f", amount);
    }
}
