package sa.qayd.api.egs;

import java.time.Instant;
import java.util.UUID;

/**
 * The unit's production certificate was renewed; documents from now on are signed with the key kept
 * under {@code keyId}, while those already issued keep their own.
 */
public record EgsCertificateRenewedEvent(UUID egsUnitId, UUID accountId, String certificate, String certificateSerial,
                                         Instant certificateNotAfter, String keyId, Instant renewedAt) {
    public EgsCertificateRenewedEvent {
        keyId = keyId == null ? "" : keyId;
    }
}
