package sa.qayd.api.egs;

import java.time.Instant;
import java.util.UUID;

/**
 * The unit holds a production CSID and may issue invoices. {@code certificate} is the base64 DER
 * body of the production certificate (public, embedded in every signature); its private key and
 * CSID secret are kept encrypted under {@code keyId} (empty for units onboarded before key ids).
 */
public record EgsUnitOnboardedEvent(UUID egsUnitId, UUID accountId, String certificate, String certificateSerial,
                                    Instant certificateNotAfter, String keyId, Instant onboardedAt) {
    public EgsUnitOnboardedEvent {
        keyId = keyId == null ? "" : keyId;
    }
}
