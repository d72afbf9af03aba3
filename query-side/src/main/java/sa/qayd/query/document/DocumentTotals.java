package sa.qayd.query.document;

import java.math.BigDecimal;

/** {@code cac:LegalMonetaryTotal} plus the document's VAT total; absent optional amounts are zero. */
record DocumentTotals(BigDecimal lineExtension, BigDecimal allowances, BigDecimal charges, BigDecimal taxExclusive,
                             BigDecimal vat, BigDecimal taxInclusive, BigDecimal prepaid, BigDecimal payable) {
}
