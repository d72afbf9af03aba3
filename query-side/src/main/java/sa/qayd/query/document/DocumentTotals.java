package sa.qayd.query.document;

import java.math.BigDecimal;

/**
 * {@code cac:LegalMonetaryTotal} plus the document's VAT total; absent optional amounts are zero.
 *
 * @param vatInSar the VAT total in SAR of a document in another currency, else null
 */
record DocumentTotals(BigDecimal lineExtension, BigDecimal allowances, BigDecimal charges, BigDecimal taxExclusive,
                      BigDecimal vat, BigDecimal vatInSar, BigDecimal taxInclusive, BigDecimal prepaid, BigDecimal rounding,
                      BigDecimal payable) {
}
