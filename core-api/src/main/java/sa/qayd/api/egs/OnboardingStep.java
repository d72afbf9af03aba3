package sa.qayd.api.egs;

import java.util.Locale;

/**
 * Where a unit is on its way to a production CSID: the one state of onboarding. Clients see it as
 * {@link #status()}: {@code pending} for the three steps with ZATCA, then {@code active} or {@code failed}.
 */
public enum OnboardingStep {
    AWAITING_COMPLIANCE_CSID,
    AWAITING_COMPLIANCE_CHECKS,
    AWAITING_PRODUCTION_CSID,
    ACTIVE,
    FAILED;

    public static final String PENDING = "pending";

    /** The API's {@code onboarding_status}. */
    public String status() {
        return switch (this) {
            case ACTIVE, FAILED -> name().toLowerCase(Locale.ROOT);
            default -> PENDING;
        };
    }

    /** The step's name in events and ZATCA messages: {@code compliance_csid}, {@code compliance_checks}, … */
    public String stepName() {
        return name().toLowerCase(Locale.ROOT).replace("awaiting_", "");
    }

    public boolean isWithZatca() {
        return this != ACTIVE && this != FAILED;
    }
}
