package sa.qayd.query.document;

import java.math.BigDecimal;

/**
 * One invoice line as the XML states it; {@code total} is the line amount including VAT (KSA-12).
 *
 * @param unitCode the quantity's UN/ECE unit, null when absent
 */
record PrintedLine(String id, String name, BigDecimal quantity, String unitCode, BigDecimal unitPrice,
                   String vatCategory, BigDecimal vatRate, BigDecimal net, BigDecimal vat, BigDecimal total) {
}
