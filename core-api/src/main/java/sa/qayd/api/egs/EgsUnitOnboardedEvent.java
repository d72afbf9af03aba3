package sa.qayd.api.egs;

import java.time.Instant;
import java.util.UUID;

public record EgsUnitOnboardedEvent(UUID egsUnitId, UUID accountId, Instant onboardedAt) {
}
