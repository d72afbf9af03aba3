package sa.qayd.api.invoice;

import java.math.BigDecimal;

/** The document totals as signed (2 decimals, document currency). */
public record InvoiceAmounts(String currency, BigDecimal lineExtension, BigDecimal allowanceTotal,
                             BigDecimal taxExclusive, BigDecimal taxTotal, BigDecimal taxInclusive, BigDecimal payable) {
}
