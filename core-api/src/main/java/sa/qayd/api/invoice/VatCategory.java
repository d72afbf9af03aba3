package sa.qayd.api.invoice;

import java.math.BigDecimal;
import java.util.Set;

/**
 * UN/ECE 5305 VAT categories allowed by ZATCA (BR-KSA-18), with the rates each admits. The
 * exemption reason codes of Z, E and O are ZATCA's list, kept with their texts in the protocol core.
 */
public enum VatCategory {
    /** Standard rated: 15 %, or 5 % where the law allows (BR-KSA-84). */
    S(Set.of(new BigDecimal("15"), new BigDecimal("5"))),
    /** Zero rated. */
    Z(Set.of(BigDecimal.ZERO)),
    /** Exempt. */
    E(Set.of(BigDecimal.ZERO)),
    /** Out of scope / not subject to VAT. */
    O(Set.of(BigDecimal.ZERO));

    private final Set<BigDecimal> rates;

    VatCategory(Set<BigDecimal> rates) {
        this.rates = rates;
    }

    public boolean allowsRate(BigDecimal rate) {
        return rates.stream().anyMatch(allowed -> allowed.compareTo(rate) == 0);
    }

    public boolean needsExemptionReason() {
        return this != S;
    }
}
