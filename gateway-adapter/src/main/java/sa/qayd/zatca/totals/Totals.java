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
 * <li>document sums (BR-CO-10…16) add already-rounded values, so they are exact.</li>
 * </ol>
 * Line VATs may therefore differ from the category VAT by a few cents; ZATCA checks line VAT only
 * per line and the category VAT only per category.
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
        Map<TaxCategory, BigDecimal> taxable = new LinkedHashMap<>();
        List<LineAmounts> lines = new ArrayList<>(invoice.lines().size());
        BigDecimal lineExtension = zero();
        for (InvoiceLine line : invoice.lines()) {
            BigDecimal net = lineNet(line.quantity(), line.unitPrice(), line.allowance());
            BigDecimal vat = vatOf(net, line.tax().rate());
            lines.add(new LineAmounts(net, vat, net.add(vat)));
            lineExtension = lineExtension.add(net);
            taxable.merge(line.tax(), net, BigDecimal::add);
        }
        BigDecimal allowances = zero();
        BigDecimal charges = zero();
        for (AllowanceCharge ac : invoice.allowanceCharges()) {
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
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("document allowances exceed the amount taxed in category " + e.getKey());
            }
            BigDecimal vat = vatOf(amount, e.getKey().rate());
            subtotals.add(new TaxSubtotal(e.getKey(), amount, vat));
            taxTotal = taxTotal.add(vat);
        }
        BigDecimal exclusive = lineExtension.subtract(allowances).add(charges);
        BigDecimal inclusive = exclusive.add(taxTotal);
        return new InvoiceTotals(lines, subtotals, lineExtension, allowances.setScale(2), charges.setScale(2),
                exclusive, taxTotal, inclusive, inclusive);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
