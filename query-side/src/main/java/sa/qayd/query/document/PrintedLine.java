package sa.qayd.query.document;

import java.math.BigDecimal;

/** One invoice line as the XML states it; {@code total} is the line amount including VAT (KSA-12). */
record PrintedLine(String id, String name, BigDecimal quantity, BigDecimal unitPrice,
                          String vatCategory, BigDecimal vatRate, BigDecimal net, BigDecimal vat, BigDecimal total) {
}
