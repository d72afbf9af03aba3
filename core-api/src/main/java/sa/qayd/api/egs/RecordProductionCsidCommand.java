package sa.qayd.api.egs;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * ZATCA issued a production certificate, for onboarding (step 3) or a renewal; its private key and
 * CSID secret are kept under {@code keyId}.
 */
public record RecordProductionCsidCommand(@TargetAggregateIdentifier UUID egsUnitId, IssuedCertificate certificate,
                                          String keyId) {
}
