package sa.qayd.platform.secret;

import java.util.Base64;

/**
 * The key that encrypts secrets at rest: EGS private keys and CSID secrets, webhook signing secrets,
 * stored idempotent answers that carry a secret shown once, and the accounts' personal-data keys.
 */
public final class MasterKey {
    private final SealingKey key;

    private MasterKey(byte[] keyBytes) {
        if (keyBytes.length != SealingKey.KEY_BYTES) {
            throw new IllegalArgumentException("the master key must be 32 bytes (base64 of 32 random bytes), got "
                    + keyBytes.length);
        }
        this.key = SealingKey.of(keyBytes);
    }

    public static MasterKey fromBase64(String base64) {
        return new MasterKey(Base64.getDecoder().decode(base64.trim()));
    }

    public static String newBase64() {
        return Base64.getEncoder().encodeToString(SealingKey.newKeyBytes());
    }

    /** Nonce followed by ciphertext and tag; {@code context} is authenticated, so a value cannot be moved to another row. */
    public byte[] seal(byte[] plaintext, byte[] context) {
        return key.seal(plaintext, context);
    }

    public byte[] open(byte[] nonceAndCiphertext, byte[] context) {
        try {
            return key.open(nonceAndCiphertext, context);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("a stored secret does not decrypt: wrong master key or tampered data", e);
        }
    }
}
