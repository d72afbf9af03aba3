package sa.qayd.api.invoice;

import java.math.BigDecimal;
import java.util.Set;

/** UN/ECE 5305 VAT categories allowed by ZATCA (BR-KSA-18), with the rates and exemption codes each admits. */
public enum VatCategory {
    /** Standard rated: 15 %, or 5 % where the law allows (BR-KSA-84). */
    S(Set.of(new BigDecimal("15"), new BigDecimal("5")), Set.of()),
    /** Zero rated; the reason codes are those of the KSA schematron (BR-KSA-69). */
    Z(Set.of(BigDecimal.ZERO), Set.of("VATEX-SA-32", "VATEX-SA-33", "VATEX-SA-34-1", "VATEX-SA-34-2", "VATEX-SA-34-3",
            "VATEX-SA-34-4", "VATEX-SA-34-5", "VATEX-SA-35", "VATEX-SA-36", "VATEX-SA-EDU", "VATEX-SA-HEA",
            "VATEX-SA-MLTRY")),
    /** Exempt. */
    E(Set.of(BigDecimal.ZERO), Set.of("VATEX-SA-29", "VATEX-SA-29-7", "VATEX-SA-30")),
    /** Out of scope / not subject to VAT. */
    O(Set.of(BigDecimal.ZERO), Set.of("VATEX-SA-OOS"));

    private final Set<BigDecimal> rates;
    private final Set<String> exemptionCodes;

    VatCategory(Set<BigDecimal> rates, Set<String> exemptionCodes) {
        this.rates = rates;
        this.exemptionCodes = exemptionCodes;
    }

    public boolean allowsRate(BigDecimal rate) {
        return rates.stream().anyMatch(allowed -> allowed.compareTo(rate) == 0);
    }

    public boolean needsExemptionReason() {
        return !exemptionCodes.isEmpty();
    }

    public Set<String> exemptionCodes() {
        return exemptionCodes;
    }
}
