package sa.qayd.zatca.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A document-level allowance (discount) or charge in the document currency, applied to the taxable
 * amount of its VAT category.
 *
 * @param reasonCode UNTDID 5189 (allowances) or 7161 (charges) code, optional
 */
public record AllowanceCharge(boolean charge, BigDecimal amount, String reason, String reasonCode, TaxCategory tax) {

    public AllowanceCharge {
        if (amount == null || amount.signum() < 0 || amount.scale() > 2) {
            throw new IllegalArgumentException("allowance/charge amount must be non-negative with at most 2 decimals");
        }
        Text.check("allowance/charge reason", reason, 1000);
        if (reasonCode != null && !(charge ? CodeLists.CHARGE_REASONS : CodeLists.ALLOWANCE_REASONS).contains(reasonCode)) {
            throw new IllegalArgumentException((charge ? "charge reason code must be UNTDID 7161" : "allowance reason code must be UNTDID 5189")
                    + ", got " + reasonCode);
        }
        Objects.requireNonNull(tax, "tax");
    }

    public static AllowanceCharge allowance(BigDecimal amount, String reason, TaxCategory tax) {
        return new AllowanceCharge(false, amount, reason, null, tax);
    }

    public static AllowanceCharge charge(BigDecimal amount, String reason, TaxCategory tax) {
        return new AllowanceCharge(true, amount, reason, null, tax);
    }
}
