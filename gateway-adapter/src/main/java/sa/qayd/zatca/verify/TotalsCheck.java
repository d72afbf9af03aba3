package sa.qayd.zatca.verify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Recomputes the document's arithmetic from its own figures: line nets (BR-KSA-EN16931-11, ±0.01
 * like ZATCA), line VAT and line amount with VAT (BR-KSA-50/51), the category breakdown (BR-S-08/09
 * and siblings, computed exactly: round-half-up of taxable × rate), the document sums BR-CO-10…16
 * (exact), the VAT of prepayment deductions and their sum (BR-KSA-79/80), and the VAT total in SAR
 * where the document states its exchange rate.
 */
final class TotalsCheck {

    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final FoundProblems problems;

    private TotalsCheck(FoundProblems problems) {
        this.problems = problems;
    }

    static void check(Element invoice, FoundProblems problems) {
        try {
            new TotalsCheck(problems).run(invoice);
        } catch (NumberFormatException e) {
            problems.add(ProblemCode.TOTALS_MISMATCH, "an amount is not a decimal number: " + e.getMessage());
        }
    }

    private void run(Element invoice) {
        Map<String, BigDecimal> taxableByCategory = new HashMap<>();
        BigDecimal lineSum = BigDecimal.ZERO;
        for (Element line : Dom.children(invoice, "cac:InvoiceLine")) {
            String id = Dom.text(line, "cbc:ID");
            BigDecimal net = amount(line, "cbc:LineExtensionAmount");
            BigDecimal quantity = amount(line, "cbc:InvoicedQuantity");
            BigDecimal price = amount(line, "cac:Price", "cbc:PriceAmount");
            BigDecimal rate = amount(line, "cac:Item", "cac:ClassifiedTaxCategory", "cbc:Percent");
            String category = Dom.text(line, "cac:Item", "cac:ClassifiedTaxCategory", "cbc:ID");
            if (net == null || quantity == null || price == null || rate == null || category == null) {
                problems.add(ProblemCode.MISSING_ELEMENT, "line " + id + " lacks quantity, price, net amount or tax category");
                continue;
            }
            BigDecimal baseQuantity = amount(line, "cac:Price", "cbc:BaseQuantity");
            BigDecimal gross = baseQuantity == null || baseQuantity.signum() == 0 ? quantity.multiply(price)
                    : quantity.multiply(price).divide(baseQuantity, 10, RoundingMode.HALF_UP);
            BigDecimal expectedNet = round(gross.add(allowanceCharges(line, true)).subtract(allowanceCharges(line, false)));
            if (expectedNet.subtract(net).abs().compareTo(CENT) > 0) {
                mismatch("line " + id + " net amount " + net + " is not quantity × price ± allowances = " + expectedNet);
            }
            BigDecimal lineVat = amount(line, "cac:TaxTotal", "cbc:TaxAmount");
            BigDecimal withVat = amount(line, "cac:TaxTotal", "cbc:RoundingAmount");
            if (lineVat != null && round(net.multiply(rate).divide(HUNDRED)).subtract(lineVat).abs().compareTo(CENT) > 0) {
                mismatch("line " + id + " VAT " + lineVat + " is not " + rate + " % of " + net);
            }
            if (lineVat != null && withVat != null && net.add(lineVat).compareTo(withVat) != 0) {
                mismatch("line " + id + " amount with VAT " + withVat + " is not " + net + " + " + lineVat);
            }
            lineSum = lineSum.add(net);
            taxableByCategory.merge(key(category, rate), net, BigDecimal::add);
        }
        BigDecimal allowances = BigDecimal.ZERO;
        BigDecimal charges = BigDecimal.ZERO;
        for (Element ac : Dom.children(invoice, "cac:AllowanceCharge")) {
            boolean charge = "true".equals(Dom.text(ac, "cbc:ChargeIndicator"));
            BigDecimal value = orZero(amount(ac, "cbc:Amount"));
            String category = Dom.text(ac, "cac:TaxCategory", "cbc:ID");
            BigDecimal rate = amount(ac, "cac:TaxCategory", "cbc:Percent");
            if (category != null && rate != null) {
                taxableByCategory.merge(key(category, rate), charge ? value : value.negate(), BigDecimal::add);
            }
            if (charge) {
                charges = charges.add(value);
            } else {
                allowances = allowances.add(value);
            }
        }
        BigDecimal taxTotal = checkBreakdown(invoice, taxableByCategory);
        checkDocumentTotals(invoice, lineSum, allowances, charges, taxTotal, prepaid(invoice));
        checkTaxTotalInSar(invoice, taxTotal);
    }

    /** The prepayment deductions' taxable amounts plus their VAT, each VAT checked (BR-KSA-79); null without any. */
    private BigDecimal prepaid(Element invoice) {
        BigDecimal prepaid = null;
        for (Element line : Dom.children(invoice, "cac:InvoiceLine")) {
            Element lineTax = Dom.path(line, "cac:TaxTotal");
            if (Dom.path(line, "cac:DocumentReference") == null || lineTax == null) {
                continue;
            }
            for (Element subtotal : Dom.children(lineTax, "cac:TaxSubtotal")) {
                BigDecimal taxable = orZero(amount(subtotal, "cbc:TaxableAmount"));
                BigDecimal tax = orZero(amount(subtotal, "cbc:TaxAmount"));
                BigDecimal rate = orZero(amount(subtotal, "cac:TaxCategory", "cbc:Percent"));
                if (round(taxable.multiply(rate).divide(HUNDRED)).subtract(tax).abs().compareTo(CENT) > 0) {
                    mismatch("prepayment on line " + Dom.text(line, "cbc:ID") + ": VAT " + tax + " is not " + rate
                            + " % of " + taxable + " (BR-KSA-79)");
                }
                prepaid = (prepaid == null ? BigDecimal.ZERO : prepaid).add(taxable).add(tax);
            }
        }
        return prepaid;
    }

    /** BT-111 equals the VAT total for SAR documents, and the VAT total at the stated exchange rate otherwise. */
    private void checkTaxTotalInSar(Element invoice, BigDecimal taxTotal) {
        Element accounting = Dom.children(invoice, "cac:TaxTotal").stream()
                .filter(total -> Dom.children(total, "cac:TaxSubtotal").isEmpty()).findFirst().orElse(null);
        if (taxTotal == null || accounting == null) {
            return;
        }
        BigDecimal inSar = amount(accounting, "cbc:TaxAmount");
        String currency = Dom.text(invoice, "cbc:DocumentCurrencyCode");
        BigDecimal rate = amount(invoice, "cac:TaxExchangeRate", "cbc:CalculationRate");
        BigDecimal expected = "SAR".equals(currency) ? taxTotal : rate == null ? null : round(taxTotal.multiply(rate));
        if (inSar != null && expected != null && inSar.compareTo(expected) != 0) {
            mismatch("VAT total in SAR " + inSar + " is not " + taxTotal + " " + currency + " at its exchange rate = " + expected);
        }
    }

    /** Checks each TaxSubtotal and returns the VAT total of the breakdown, or null if there is none. */
    private BigDecimal checkBreakdown(Element invoice, Map<String, BigDecimal> taxableByCategory) {
        Element breakdown = null;
        for (Element taxTotal : Dom.children(invoice, "cac:TaxTotal")) {
            if (!Dom.children(taxTotal, "cac:TaxSubtotal").isEmpty()) {
                breakdown = taxTotal;
            }
        }
        if (!problems.present(breakdown, "the VAT breakdown (cac:TaxTotal with cac:TaxSubtotal)")) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Element subtotal : Dom.children(breakdown, "cac:TaxSubtotal")) {
            BigDecimal taxable = orZero(amount(subtotal, "cbc:TaxableAmount"));
            BigDecimal tax = orZero(amount(subtotal, "cbc:TaxAmount"));
            String category = Dom.text(subtotal, "cac:TaxCategory", "cbc:ID");
            BigDecimal rate = orZero(amount(subtotal, "cac:TaxCategory", "cbc:Percent"));
            BigDecimal expectedTaxable = taxableByCategory.remove(key(category, rate));
            if (expectedTaxable == null || expectedTaxable.compareTo(taxable) != 0) {
                mismatch("category " + category + " " + rate + " %: taxable amount " + taxable + ", lines and allowances give "
                        + expectedTaxable);
            }
            BigDecimal expectedTax = round(taxable.multiply(rate).divide(HUNDRED));
            if (expectedTax.compareTo(tax) != 0) {
                mismatch("category " + category + " " + rate + " %: VAT " + tax + " is not " + expectedTax);
            }
            sum = sum.add(tax);
        }
        taxableByCategory.values().removeIf(amount -> amount.signum() == 0);
        if (!taxableByCategory.isEmpty()) {
            mismatch("lines or allowances in categories without a VAT breakdown: " + taxableByCategory.keySet());
        }
        BigDecimal declared = amount(breakdown, "cbc:TaxAmount");
        if (declared == null || declared.compareTo(sum) != 0) {
            mismatch("VAT total " + declared + " is not the sum of the categories " + sum + " (BR-CO-14)");
        }
        return declared;
    }

    private void checkDocumentTotals(Element invoice, BigDecimal lineSum, BigDecimal allowances, BigDecimal charges,
                                     BigDecimal taxTotal, BigDecimal prepaidByLines) {
        Element totals = Dom.path(invoice, "cac:LegalMonetaryTotal");
        if (!problems.present(totals, "cac:LegalMonetaryTotal") || taxTotal == null) {
            return;
        }
        BigDecimal lineExtension = orZero(amount(totals, "cbc:LineExtensionAmount"));
        BigDecimal exclusive = orZero(amount(totals, "cbc:TaxExclusiveAmount"));
        BigDecimal inclusive = orZero(amount(totals, "cbc:TaxInclusiveAmount"));
        BigDecimal prepaid = orZero(amount(totals, "cbc:PrepaidAmount"));
        BigDecimal rounding = orZero(amount(totals, "cbc:PayableRoundingAmount"));
        BigDecimal payable = orZero(amount(totals, "cbc:PayableAmount"));
        expectEqual("sum of line net amounts (BR-CO-10)", lineExtension, lineSum);
        expectEqual("allowance total (BR-CO-11)", orZero(amount(totals, "cbc:AllowanceTotalAmount")), allowances);
        expectEqual("charge total (BR-CO-12)", orZero(amount(totals, "cbc:ChargeTotalAmount")), charges);
        expectEqual("amount without VAT (BR-CO-13)", exclusive, lineExtension.subtract(allowances).add(charges));
        expectEqual("amount with VAT (BR-CO-15)", inclusive, exclusive.add(taxTotal));
        expectEqual("amount due (BR-CO-16)", payable, inclusive.subtract(prepaid).add(rounding));
        if (prepaidByLines != null) {
            expectEqual("prepaid amount (BR-KSA-80)", prepaid, prepaidByLines);
        }
    }

    private void expectEqual(String what, BigDecimal declared, BigDecimal computed) {
        if (declared.compareTo(computed) != 0) {
            mismatch(what + ": document says " + declared + ", its figures give " + computed);
        }
    }

    private void mismatch(String detail) {
        problems.add(ProblemCode.TOTALS_MISMATCH, detail);
    }

    private static BigDecimal allowanceCharges(Element line, boolean charges) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Element ac : Dom.children(line, "cac:AllowanceCharge")) {
            if ("true".equals(Dom.text(ac, "cbc:ChargeIndicator")) == charges) {
                sum = sum.add(orZero(amount(ac, "cbc:Amount")));
            }
        }
        return sum;
    }

    private static String key(String category, BigDecimal rate) {
        return category + "/" + rate.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal amount(Element from, String... path) {
        String text = Dom.text(from, path);
        return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
