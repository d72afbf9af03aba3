package sa.qayd.api.egs;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** ZATCA's answer to step 1 of onboarding: a compliance certificate for the key kept under {@code keyId}. */
public record RecordComplianceCsidCommand(@TargetAggregateIdentifier UUID egsUnitId, long complianceRequestId,
                                          String certificate, String keyId) {
}
