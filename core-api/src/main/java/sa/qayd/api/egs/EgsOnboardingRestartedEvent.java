package sa.qayd.api.egs;

import java.time.Instant;
import java.util.UUID;
import sa.qayd.api.Environment;

/**
 * A unit whose onboarding failed starts again with a fresh one-time password, kept encrypted outside
 * the event store (revision 2; revision 1 carried it in plain text, an upcaster drops it).
 */
@org.axonframework.serialization.Revision("2")
public record EgsOnboardingRestartedEvent(UUID egsUnitId, UUID accountId, Environment environment, EgsIdentity identity,
                                          Instant restartedAt) {
}
