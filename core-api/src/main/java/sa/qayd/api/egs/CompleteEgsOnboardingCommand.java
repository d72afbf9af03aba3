package sa.qayd.api.egs;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks a unit able to issue invoices; sent by onboarding once ZATCA granted its production CSID. */
public record CompleteEgsOnboardingCommand(@TargetAggregateIdentifier UUID egsUnitId) {
}
