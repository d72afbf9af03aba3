package sa.qayd.api.apikey;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import sa.qayd.api.Actor;

/**
 * The key works no more. {@code revokedBy} is the API key or dashboard user that revoked it (revision 2;
 * revision 1 did not say, and reads with {@code revokedBy} null).
 */
@Revision("2")
public record ApiKeyRevokedEvent(UUID apiKeyId, UUID accountId, Actor revokedBy, Instant revokedAt) {
}
