package sa.qayd.api.egs;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Step 3 of onboarding: the production CSID that lets the unit issue invoices. */
public record RequestProductionCsidCommand(@TargetAggregateIdentifier UUID egsUnitId) {
}
