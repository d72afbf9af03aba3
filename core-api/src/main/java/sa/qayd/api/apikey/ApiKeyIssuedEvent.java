package sa.qayd.api.apikey;

import java.time.Instant;
import java.util.UUID;
import sa.qayd.api.Environment;

public record ApiKeyIssuedEvent(
        UUID apiKeyId,
        UUID accountId,
        Environment environment,
        String name,
        String secretHash,
        String maskedSecret,
        Instant issuedAt) {
}
