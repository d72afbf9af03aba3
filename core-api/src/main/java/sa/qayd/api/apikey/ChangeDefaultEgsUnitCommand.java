package sa.qayd.api.apikey;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import sa.qayd.api.Caller;

/** Sets the key's default EGS unit, or clears it when {@code egsUnitId} is null. */
public record ChangeDefaultEgsUnitCommand(@TargetAggregateIdentifier UUID apiKeyId, Caller caller, UUID egsUnitId) {
}
