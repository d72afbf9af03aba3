package sa.qayd.api.egs;

import java.time.Instant;
import java.util.UUID;

/**
 * ZATCA issued the compliance certificate (CCSID) for the unit's new key. The certificate is the
 * base64 DER body; the private key and the CSID secret are kept encrypted outside the event store
 * under {@code keyId} (empty for units onboarded before key ids existed).
 */
public record ComplianceCsidIssuedEvent(UUID egsUnitId, long complianceRequestId, String certificate, String keyId,
                                        Instant issuedAt) {
    public ComplianceCsidIssuedEvent {
        keyId = keyId == null ? "" : keyId;
    }
}
