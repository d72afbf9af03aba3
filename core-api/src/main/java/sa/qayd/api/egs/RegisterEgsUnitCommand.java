package sa.qayd.api.egs;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import sa.qayd.api.Environment;

/**
 * Registers a unit for onboarding. Organisation name and VAT number may be null: they default to
 * the account's.
 */
public record RegisterEgsUnitCommand(
        @TargetAggregateIdentifier UUID egsUnitId,
        UUID accountId,
        Environment environment,
        String name,
        String otp,
        EgsIdentity identity) {
}
