package sa.qayd.command.egs;

import sa.qayd.api.egs.OnboardingStatus;

/** Where a unit is on its way to a production CSID. Steps re-run after a crash are no-ops once done. */
public enum OnboardingStep {
    AWAITING_COMPLIANCE_CSID,
    AWAITING_COMPLIANCE_CHECKS,
    AWAITING_PRODUCTION_CSID,
    ACTIVE,
    FAILED;

    OnboardingStatus status() {
        return switch (this) {
            case ACTIVE -> OnboardingStatus.ACTIVE;
            case FAILED -> OnboardingStatus.FAILED;
            default -> OnboardingStatus.PENDING;
        };
    }
}
