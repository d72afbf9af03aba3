package sa.qayd.zatca.totals;

import java.math.BigDecimal;
import java.util.List;

/** Every amount of a document, already rounded as written to the XML (SAR, 2 decimals). */
public record InvoiceTotals(List<LineAmounts> lines, List<TaxSubtotal> subtotals, BigDecimal lineExtension,
                            BigDecimal allowanceTotal, BigDecimal chargeTotal, BigDecimal taxExclusive,
                            BigDecimal taxTotal, BigDecimal taxInclusive, BigDecimal payable) {

    public InvoiceTotals {
        lines = List.copyOf(lines);
        subtotals = List.copyOf(subtotals);
    }
}
