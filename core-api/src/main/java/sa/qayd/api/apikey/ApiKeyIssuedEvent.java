package sa.qayd.api.apikey;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import sa.qayd.api.Environment;

/**
 * A key exists. Its secret's SHA-256 is kept with the credentials, never in an event (revision 2;
 * revision 1 carried it, an upcaster drops it); {@code maskedSecret} shows the prefix and last four
 * characters only.
 */
@Revision("2")
public record ApiKeyIssuedEvent(
        UUID apiKeyId,
        UUID accountId,
        Environment environment,
        String name,
        String maskedSecret,
        Instant issuedAt) {
}
