package sa.qayd.api.egs;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Step 1 of onboarding: new key pair and CSR, compliance CSID with the unit's OTP. */
public record RequestComplianceCsidCommand(@TargetAggregateIdentifier UUID egsUnitId) {
}
