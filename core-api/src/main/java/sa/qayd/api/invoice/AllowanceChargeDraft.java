package sa.qayd.api.invoice;

import java.math.BigDecimal;

/**
 * A document-level allowance (discount) or charge, taxed in a VAT category like a line.
 *
 * @param reasonCode UNTDID 5189 for allowances, 7161 for charges; may be null
 * @param exemptionReason the free-text reason of an out-of-scope (O) category, else null
 */
public record AllowanceChargeDraft(
        boolean charge,
        BigDecimal amount,
        String reason,
        String reasonCode,
        VatCategory vatCategory,
        BigDecimal vatRate,
        String exemptionReasonCode,
        String exemptionReason) {
}
