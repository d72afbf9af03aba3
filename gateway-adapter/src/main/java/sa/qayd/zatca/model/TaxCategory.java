package sa.qayd.zatca.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import sa.qayd.api.invoice.VatCategory;

/**
 * A VAT category with its rate and, for Z/E/O, the exemption reason. Equal categories are summed
 * into one {@code cac:TaxSubtotal}.
 *
 * @param exemptionCode   {@code VATEX-…} code, null for S
 * @param exemptionReason the reason text, null for S
 */
public record TaxCategory(VatCategory category, BigDecimal rate, String exemptionCode, String exemptionReason) {

    private static final BigDecimal FIFTEEN = new BigDecimal("15.00");
    private static final BigDecimal FIVE = new BigDecimal("5.00");
    public static final String OUT_OF_SCOPE_CODE = "VATEX-SA-OOS";

    public TaxCategory {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(rate, "rate");
        rate = rate.setScale(2, RoundingMode.UNNECESSARY);
        if (category == VatCategory.S) {
            if (rate.compareTo(FIFTEEN) != 0 && rate.compareTo(FIVE) != 0) {
                throw new IllegalArgumentException("standard rate must be 15 or 5 (BR-KSA-84), got " + rate);
            }
            if (exemptionCode != null || exemptionReason != null) {
                throw new IllegalArgumentException("standard-rated supplies carry no exemption reason");
            }
        } else {
            if (rate.signum() != 0) {
                throw new IllegalArgumentException("category " + category + " must have rate 0");
            }
            if (exemptionCode == null || exemptionReason == null || exemptionReason.isBlank()) {
                throw new IllegalArgumentException("category " + category + " needs an exemption code and reason");
            }
            Text.check("exemption reason", exemptionReason, 1000);
        }
    }

    public static TaxCategory standard() {
        return new TaxCategory(VatCategory.S, FIFTEEN, null, null);
    }

    public static TaxCategory standard(BigDecimal rate) {
        return new TaxCategory(VatCategory.S, rate, null, null);
    }

    /** Zero-rated or exempt supply with one of ZATCA's coded reasons. */
    public static TaxCategory exempted(Exemption exemption) {
        return new TaxCategory(exemption.category(), BigDecimal.ZERO, exemption.code(), exemption.text());
    }

    /** Out-of-scope supply: code VATEX-SA-OOS with a free-text reason. */
    public static TaxCategory outOfScope(String reason) {
        return new TaxCategory(VatCategory.O, BigDecimal.ZERO, OUT_OF_SCOPE_CODE, reason);
    }

    public boolean needsCitizenBuyer() {
        return exemptionCode != null
                && (exemptionCode.equals(Exemption.PRIVATE_EDUCATION.code()) || exemptionCode.equals(Exemption.PRIVATE_HEALTHCARE.code()));
    }
}
