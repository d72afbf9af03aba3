package sa.qayd.api.account;

import java.time.Instant;
import java.util.UUID;

public record AccountRegisteredEvent(
        UUID accountId,
        String companyName,
        String email,
        String passwordHash,
        String vatNumber,
        Instant registeredAt) {
}
