package sa.qayd.api.egs;

import java.time.Instant;
import java.util.UUID;
import sa.qayd.api.Environment;

/** A unit exists and waits for ZATCA onboarding with the given one-time password. */
public record EgsUnitRegisteredEvent(
        UUID egsUnitId,
        UUID accountId,
        Environment environment,
        String name,
        String otp,
        EgsIdentity identity,
        Instant registeredAt) {
}
