package sa.qayd.api.egs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import sa.qayd.api.ZatcaMessage;

/** ZATCA refused a step of onboarding; a new OTP restarts it. */
public record EgsOnboardingFailedEvent(UUID egsUnitId, UUID accountId, String step, String reason,
                                       List<ZatcaMessage> messages, Instant failedAt) {
}
