package sa.qayd.api.egs;

import java.time.Instant;
import java.util.UUID;

/** A unit whose onboarding failed starts again with a fresh one-time password. */
public record EgsOnboardingRestartedEvent(UUID egsUnitId, UUID accountId, String otp, Instant restartedAt) {
}
