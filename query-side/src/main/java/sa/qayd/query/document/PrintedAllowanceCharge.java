package sa.qayd.query.document;

import java.math.BigDecimal;

/** A document-level allowance or charge as the XML states it; {@code reasonCode} may be null. */
record PrintedAllowanceCharge(boolean charge, String reason, String reasonCode, String vatCategory, BigDecimal vatRate,
                              BigDecimal amount) {
}
