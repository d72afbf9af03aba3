package sa.qayd.api.egs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import sa.qayd.api.ZatcaMessage;

/** ZATCA refused a renewal; the current certificate stays in use. */
public record EgsCertificateRenewalFailedEvent(UUID egsUnitId, UUID accountId, String reason,
                                               List<ZatcaMessage> messages, Instant failedAt) {
}
