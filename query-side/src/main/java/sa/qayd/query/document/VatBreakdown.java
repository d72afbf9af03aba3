package sa.qayd.query.document;

import java.math.BigDecimal;

/**
 * One {@code cac:TaxSubtotal}: the taxable amount and VAT of a category and rate.
 *
 * @param exemptionCode   {@code VATEX-…} for Z/E/O categories, else null
 * @param exemptionReason the reason text for Z/E/O categories, else null
 */
record VatBreakdown(String category, BigDecimal rate, BigDecimal taxable, BigDecimal vat, String exemptionCode,
                           String exemptionReason) {
}
