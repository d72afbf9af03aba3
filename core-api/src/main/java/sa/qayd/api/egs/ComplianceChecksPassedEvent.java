package sa.qayd.api.egs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import sa.qayd.api.ZatcaMessage;

/** One signed sample of every document kind the unit will issue passed ZATCA's compliance checks. */
public record ComplianceChecksPassedEvent(UUID egsUnitId, List<String> documentKinds, List<ZatcaMessage> warnings,
                                          Instant passedAt) {
}
