package sa.qayd.zatca.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * SHA-256 and ZATCA's two encodings of it: plain base64 of the raw digest (invoice hash, PIH,
 * QR tag 6) and base64 of the lower-case hex text of the digest (first PIH, certificate digest,
 * signed-properties digest).
 */
public final class Digests {

    private Digests() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    public static String base64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    /** base64(hex(SHA-256(text as UTF-8))). */
    public static String base64HexSha256(String text) {
        byte[] digest = sha256(text.getBytes(StandardCharsets.UTF_8));
        return base64(HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII));
    }
}
