package sa.qayd.query.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import sa.qayd.platform.secret.MasterKey;

/**
 * The signing secret of one webhook ({@code whsec_} + 256 random bits). The receiver checks
 * {@code Qayd-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}; the key
 * is the whole secret string as UTF-8, prefix included, so it can be pasted as shown.
 */
record WebhookSecret(String value) {
    private static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    static WebhookSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new WebhookSecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Encrypted for its row: the secret must stay readable to sign, but never lie in the database in clear. */
    byte[] seal(MasterKey masterKey, UUID webhookId) {
        return masterKey.seal(value.getBytes(StandardCharsets.UTF_8), context(webhookId));
    }

    static WebhookSecret open(MasterKey masterKey, UUID webhookId, byte[] sealed) {
        return new WebhookSecret(new String(masterKey.open(sealed, context(webhookId)), StandardCharsets.UTF_8));
    }

    private static byte[] context(UUID webhookId) {
        return ("webhook/" + webhookId).getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code Qayd-Signature} header value for a body sent at {@code unixSeconds}. */
    String signatureHeader(long unixSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every JRE", e);
        }
    }
}
