package sa.qayd.query.document;

import java.math.BigDecimal;

/** A prepayment deducted in the final invoice: the prepayment invoice and the VAT it declared (KSA-26…34). */
record PrintedPrepayment(String invoiceNumber, String name, String issueDate, String vatCategory, BigDecimal vatRate, BigDecimal taxable,
                         BigDecimal vat) {
}
