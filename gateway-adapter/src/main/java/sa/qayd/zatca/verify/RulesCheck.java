package sa.qayd.zatca.verify;

import java.math.BigDecimal;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The VAT-category rules every document must meet and that the SDK's deliberately broken samples
 * violate: each line categorised under the VAT scheme (BR-CO-04), rates 5/15 for S and 0 for
 * Z/E/O (BR-KSA-84, BR-Z-05, BR-E-05, BR-O-05) wherever a rate is stated (lines, their prepayment
 * subtotals, allowances and charges, the breakdown), no price-level charges (BR-KSA-EN16931-06).
 */
final class RulesCheck {

    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    private static final BigDecimal FIFTEEN = BigDecimal.valueOf(15);

    private RulesCheck() {
    }

    static void check(Element invoice, FoundProblems problems) {
        for (Element line : Dom.children(invoice, "cac:InvoiceLine")) {
            String where = "line " + Dom.text(line, "cbc:ID");
            Element category = Dom.path(line, "cac:Item", "cac:ClassifiedTaxCategory");
            if (category == null || !"VAT".equals(Dom.text(category, "cac:TaxScheme", "cbc:ID"))
                    || !List.of("S", "Z", "E", "O").contains(String.valueOf(Dom.text(category, "cbc:ID")))) {
                problems.add(ProblemCode.BUSINESS_RULE_VIOLATED, "BR-CO-04: " + where + " has no VAT category under the VAT scheme");
            } else {
                checkRate(category, where, problems);
            }
            Element lineTax = Dom.path(line, "cac:TaxTotal");
            for (Element prepaid : lineTax == null ? List.<Element>of() : Dom.children(lineTax, "cac:TaxSubtotal")) {
                Element prepaidCategory = Dom.path(prepaid, "cac:TaxCategory");
                if (prepaidCategory != null) {
                    checkRate(prepaidCategory, where + " prepayment", problems);
                }
            }
            Element price = Dom.path(line, "cac:Price");
            if (price != null && Dom.children(price, "cac:AllowanceCharge").stream()
                    .anyMatch(ac -> "true".equals(Dom.text(ac, "cbc:ChargeIndicator")))) {
                problems.add(ProblemCode.BUSINESS_RULE_VIOLATED, "BR-KSA-EN16931-06: " + where + " has a price-level charge");
            }
        }
        for (Element ac : Dom.children(invoice, "cac:AllowanceCharge")) {
            Element category = Dom.path(ac, "cac:TaxCategory");
            if (category != null) {
                checkRate(category, "document allowance/charge", problems);
            }
        }
        for (Element taxTotal : Dom.children(invoice, "cac:TaxTotal")) {
            for (Element subtotal : Dom.children(taxTotal, "cac:TaxSubtotal")) {
                Element category = Dom.path(subtotal, "cac:TaxCategory");
                if (category != null) {
                    checkRate(category, "VAT breakdown", problems);
                }
            }
        }
    }

    private static void checkRate(Element category, String where, FoundProblems problems) {
        String code = Dom.text(category, "cbc:ID");
        String percent = Dom.text(category, "cbc:Percent");
        BigDecimal rate;
        try {
            rate = percent == null ? null : new BigDecimal(percent.strip());
        } catch (NumberFormatException e) {
            rate = null;
        }
        boolean valid = rate != null && ("S".equals(code == null ? null : code.strip())
                ? rate.compareTo(FIVE) == 0 || rate.compareTo(FIFTEEN) == 0
                : rate.signum() == 0);
        if (!valid) {
            problems.add(ProblemCode.BUSINESS_RULE_VIOLATED, "BR-KSA-84: " + where + " has VAT rate " + percent
                    + " for category " + code + " (S must be 5 or 15, Z/E/O 0)");
        }
    }
}
