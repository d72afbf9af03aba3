package sa.qayd.api.egs;

import java.time.Instant;
import java.util.UUID;
import sa.qayd.api.Environment;

/**
 * The account asked for a new production certificate with a new OTP (kept encrypted outside the event
 * store). The unit keeps issuing with {@code currentKeyId} until ZATCA answers.
 */
public record EgsCertificateRenewalRequestedEvent(UUID egsUnitId, UUID accountId, Environment environment, EgsIdentity identity,
                                                  String currentKeyId, Instant requestedAt) {
}
