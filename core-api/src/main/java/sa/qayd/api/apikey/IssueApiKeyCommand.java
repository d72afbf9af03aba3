package sa.qayd.api.apikey;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import sa.qayd.api.Environment;

/** Issues a key whose secret only the caller ever sees; the domain keeps its SHA-256 and a display hint. */
public record IssueApiKeyCommand(
        @TargetAggregateIdentifier UUID apiKeyId,
        UUID accountId,
        Environment environment,
        String name,
        String secretHash,
        String maskedSecret) {
}
