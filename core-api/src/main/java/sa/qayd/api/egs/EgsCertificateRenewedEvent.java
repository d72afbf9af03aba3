package sa.qayd.api.egs;

import java.time.Instant;
import java.util.UUID;

/** The unit's production certificate was renewed; invoices from now on are signed with the new key. */
public record EgsCertificateRenewedEvent(UUID egsUnitId, UUID accountId, String certificate, String certificateSerial,
                                         Instant certificateNotAfter, Instant renewedAt) {
}
