package sa.qayd.zatca.totals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sa.qayd.zatca.model.AllowanceCharge;
import sa.qayd.zatca.model.InvoiceLine;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.model.PrepaymentDeduction;
import sa.qayd.zatca.model.TaxCategory;

/**
 * Qayd's single rounding policy. All rounding is HALF_UP to 2 decimals, applied at these points and
 * nowhere else:
 * <ol>
 * <li>line net = round(quantity × unit price) − line allowance (BR-KSA-EN16931-11);</li>
 * <li>line VAT = round(line net × rate / 100); line amount with VAT = net + VAT (BR-KSA-51);</li>
 * <li>category taxable = Σ line nets of the category − its document allowances + its charges (BR-S-08 …);</li>
 * <li>category VAT = round(category taxable × rate / 100), computed on the category total and not
 *     as the sum of line VATs, which is what BR-CO-17 / BR-S-09 check;</li>
 * <li>prepayment VAT = round(prepaid taxable × rate / 100) per deduction (BR-KSA-79);</li>
 * <li>VAT total in SAR = round(VAT total × exchange rate) for another document currency (BT-111);</li>
 * <li>document sums (BR-CO-10…16, BR-KSA-80) add already-rounded values, so they are exact.</li>
 * </ol>
 * Line VATs may therefore differ from the category VAT by a few cents; ZATCA checks line VAT only
 * per line and the category VAT only per category. Prepayment deductions do not change the VAT
 * breakdown: the final invoice declares the VAT of the whole supply and subtracts what was prepaid,
 * VAT included, from the amount due. A deduction in a category the breakdown lacks adds that
 * category with zero amounts, as EN 16931 wants a breakdown for every category a line uses.
 */
public final class Totals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Totals() {
    }

    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal vatOf(BigDecimal taxable, BigDecimal ratePercent) {
        return round(taxable.multiply(ratePercent).divide(HUNDRED));
    }

    public static BigDecimal lineNet(BigDecimal quantity, BigDecimal unitPrice, BigDecimal allowance) {
        return round(quantity.multiply(unitPrice)).subtract(allowance).setScale(2, RoundingMode.UNNECESSARY);
    }

    public static InvoiceTotals of(InvoiceToIssue invoice) {
        return of(invoice.lines(), invoice.allowanceCharges(), invoice.prepayments(), invoice.payableRoundingAmount(),
                invoice.exchangeRate());
    }

    /**
     * The totals of a document's parts, e.g. to check a draft before it becomes a document.
     *
     * @param exchangeRate SAR per unit of the document currency, null for SAR documents
     */
    public static InvoiceTotals of(List<InvoiceLine> invoiceLines, List<AllowanceCharge> allowanceCharges,
                                   List<PrepaymentDeduction> prepaymentDeductions, BigDecimal payableRounding,
                                   BigDecimal exchangeRate) {
        Map<TaxCategory, BigDecimal> taxable = new LinkedHashMap<>();
        List<LineAmounts> lines = new ArrayList<>(invoiceLines.size());
        BigDecimal lineExtension = zero();
        for (InvoiceLine line : invoiceLines) {
            BigDecimal net = lineNet(line.quantity(), line.unitPrice(), line.allowance());
            BigDecimal vat = vatOf(net, line.tax().rate());
            lines.add(new LineAmounts(net, vat, net.add(vat)));
            lineExtension = lineExtension.add(net);
            taxable.merge(line.tax(), net, BigDecimal::add);
        }
        BigDecimal allowances = zero();
        BigDecimal charges = zero();
        for (AllowanceCharge ac : allowanceCharges) {
            BigDecimal signed = ac.charge() ? ac.amount() : ac.amount().negate();
            taxable.merge(ac.tax(), signed, BigDecimal::add);
            if (ac.charge()) {
                charges = charges.add(ac.amount());
            } else {
                allowances = allowances.add(ac.amount());
            }
        }
        List<TaxSubtotal> subtotals = new ArrayList<>(taxable.size());
        BigDecimal taxTotal = zero();
        for (Map.Entry<TaxCategory, BigDecimal> e : taxable.entrySet()) {
            BigDecimal amount = e.getValue().setScale(2, RoundingMode.UNNECESSARY);
            BigDecimal vat = vatOf(amount, e.getKey().rate());
            subtotals.add(new TaxSubtotal(e.getKey(), amount, vat));
            taxTotal = taxTotal.add(vat);
        }
        List<TaxSubtotal> prepayments = new ArrayList<>(prepaymentDeductions.size());
        BigDecimal prepaid = zero();
        for (PrepaymentDeduction deduction : prepaymentDeductions) {
            BigDecimal vat = vatOf(deduction.taxable(), deduction.tax().rate());
            prepayments.add(new TaxSubtotal(deduction.tax(), deduction.taxable().setScale(2), vat));
            prepaid = prepaid.add(deduction.taxable()).add(vat);
            // a prepayment line's category needs a breakdown of its own category (BR-S-01, BR-Z-01, BR-E-01, BR-O-01)
            if (subtotals.stream().noneMatch(subtotal -> subtotal.category().category() == deduction.tax().category())) {
                subtotals.add(new TaxSubtotal(deduction.tax(), zero(), zero()));
            }
        }
        BigDecimal exclusive = lineExtension.subtract(allowances).add(charges);
        BigDecimal inclusive = exclusive.add(taxTotal);
        BigDecimal rounding = payableRounding == null ? zero() : payableRounding.setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal payable = inclusive.subtract(prepaid).add(rounding);
        BigDecimal taxTotalSar = exchangeRate == null ? taxTotal : round(taxTotal.multiply(exchangeRate));
        return new InvoiceTotals(lines, subtotals, prepayments, lineExtension, allowances.setScale(2), charges.setScale(2),
                exclusive, taxTotal, taxTotalSar, inclusive, prepaid, rounding, payable);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
