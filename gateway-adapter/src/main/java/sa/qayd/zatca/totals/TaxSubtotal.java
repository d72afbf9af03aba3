package sa.qayd.zatca.totals;

import java.math.BigDecimal;
import sa.qayd.zatca.model.TaxCategory;

/** One VAT category breakdown (BG-23): taxable amount and VAT of one category/rate. */
public record TaxSubtotal(TaxCategory category, BigDecimal taxable, BigDecimal tax) {
}
