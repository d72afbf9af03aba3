package sa.qayd.api.apikey;

import java.time.Instant;
import java.util.UUID;

public record ApiKeyRevokedEvent(UUID apiKeyId, UUID accountId, Instant revokedAt) {
}
