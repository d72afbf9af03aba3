package sa.qayd.api.egs;

import java.time.Instant;
import java.util.UUID;
import sa.qayd.api.Environment;

/**
 * A unit exists and waits for ZATCA onboarding. Its one-time password is kept encrypted outside the
 * event store (revision 2; revision 1 carried it in plain text, an upcaster drops it).
 */
@org.axonframework.serialization.Revision("2")
public record EgsUnitRegisteredEvent(
        UUID egsUnitId,
        UUID accountId,
        Environment environment,
        String name,
        EgsIdentity identity,
        Instant registeredAt) {
}
