package sa.qayd.api.egs;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Step 2 of onboarding: one signed sample of each document kind the unit will issue. */
public record RunComplianceChecksCommand(@TargetAggregateIdentifier UUID egsUnitId) {
}
