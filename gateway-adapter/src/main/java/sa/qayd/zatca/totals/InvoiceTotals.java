package sa.qayd.zatca.totals;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every amount of a document, already rounded as written to the XML (2 decimals, document currency
 * except {@code taxTotalSar}).
 *
 * @param prepayments  the VAT each prepayment deduction declares (KSA-31/32), in the order of the deductions
 * @param taxTotalSar  the VAT total in SAR (BT-111): {@code taxTotal} itself for SAR documents
 * @param prepaid      BT-113: the deductions with their VAT
 * @param payableRounding BT-114
 * @param payable      BT-115: {@code taxInclusive − prepaid + payableRounding}
 */
public record InvoiceTotals(List<LineAmounts> lines, List<TaxSubtotal> subtotals, List<TaxSubtotal> prepayments,
                            BigDecimal lineExtension, BigDecimal allowanceTotal, BigDecimal chargeTotal,
                            BigDecimal taxExclusive, BigDecimal taxTotal, BigDecimal taxTotalSar, BigDecimal taxInclusive,
                            BigDecimal prepaid, BigDecimal payableRounding, BigDecimal payable) {

    public InvoiceTotals {
        lines = List.copyOf(lines);
        subtotals = List.copyOf(subtotals);
        prepayments = List.copyOf(prepayments);
    }

    /**
     * These totals, if a document may state them: no category taxed below zero by its allowances, and
     * no negative amount due (BR-KSA-F-04: amounts are positive).
     *
     * @throws IllegalArgumentException naming the first amount that is negative
     */
    public InvoiceTotals requireIssuable() {
        for (TaxSubtotal subtotal : subtotals) {
            if (subtotal.taxable().signum() < 0) {
                throw new IllegalArgumentException("document allowances exceed the amount taxed in category "
                        + subtotal.category().category() + " " + subtotal.category().rate() + " % (BR-KSA-F-04)");
            }
        }
        if (payable.signum() < 0) {
            throw new IllegalArgumentException("the prepaid amount " + prepaid + " and rounding " + payableRounding
                    + " exceed the invoice total " + taxInclusive + " (BR-KSA-F-04: the amount due must not be negative)");
        }
        return this;
    }
}
