package sa.qayd.api.invoice;

import java.math.BigDecimal;

/**
 * The document totals as signed (2 decimals, document currency; {@code taxTotalSar} in SAR). Amounts
 * stored before a total existed read back as zero, and the VAT in SAR as the VAT total (those
 * documents were all in SAR).
 *
 * @param taxTotalSar  the VAT total in SAR (BT-111)
 * @param exchangeRate SAR per unit of {@code currency}; null for SAR documents
 * @param payable      the amount due: with VAT, less the prepaid amount, plus the rounding
 */
public record InvoiceAmounts(String currency, BigDecimal lineExtension, BigDecimal allowanceTotal,
                             BigDecimal taxExclusive, BigDecimal taxTotal, BigDecimal taxInclusive, BigDecimal payable,
                             BigDecimal chargeTotal, BigDecimal prepaidAmount, BigDecimal payableRoundingAmount,
                             BigDecimal taxTotalSar, BigDecimal exchangeRate) {

    private static final BigDecimal NONE = new BigDecimal("0.00");

    public InvoiceAmounts {
        chargeTotal = chargeTotal == null ? NONE : chargeTotal;
        prepaidAmount = prepaidAmount == null ? NONE : prepaidAmount;
        payableRoundingAmount = payableRoundingAmount == null ? NONE : payableRoundingAmount;
        taxTotalSar = taxTotalSar == null ? taxTotal : taxTotalSar;
    }

    /** A SAR document without charges, prepayments or rounding. */
    public InvoiceAmounts(String currency, BigDecimal lineExtension, BigDecimal allowanceTotal, BigDecimal taxExclusive,
                          BigDecimal taxTotal, BigDecimal taxInclusive, BigDecimal payable) {
        this(currency, lineExtension, allowanceTotal, taxExclusive, taxTotal, taxInclusive, payable, null, null, null, null, null);
    }
}
