package sa.qayd.zatca.totals;

import java.math.BigDecimal;

/**
 * @param net     BT-131 line net amount
 * @param vat     KSA-11 line VAT
 * @param withVat KSA-12 line amount including VAT ({@code cbc:RoundingAmount})
 */
public record LineAmounts(BigDecimal net, BigDecimal vat, BigDecimal withVat) {
}
