package sa.qayd.api.egs;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import sa.qayd.api.ZatcaMessage;

/** ZATCA's answer to step 2 of onboarding: every sample passed, with these warnings. */
public record RecordComplianceChecksCommand(@TargetAggregateIdentifier UUID egsUnitId, List<String> documentKinds,
                                            List<ZatcaMessage> warnings) {
}
