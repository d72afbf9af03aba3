package sa.qayd.api.apikey;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import sa.qayd.api.Caller;

public record RevokeApiKeyCommand(@TargetAggregateIdentifier UUID apiKeyId, Caller caller) {
}
