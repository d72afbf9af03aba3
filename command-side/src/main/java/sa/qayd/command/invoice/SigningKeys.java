package sa.qayd.command.invoice;

import java.util.UUID;

/** Where a unit's private signing keys come from (the encrypted secret store in production). */
public interface SigningKeys {
    String privateKeyPem(UUID egsUnitId, String keyId);
}
