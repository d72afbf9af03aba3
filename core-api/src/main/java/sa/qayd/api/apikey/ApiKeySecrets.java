package sa.qayd.api.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import sa.qayd.api.Environment;

/**
 * The shape of API key secrets: {@code qk_<environment>_<43 url-safe characters>} (256 random bits).
 * The environment is readable in the prefix; only the SHA-256 of the whole secret is stored. A fast
 * hash is right here because the secret has full entropy (unlike a password).
 */
public final class ApiKeySecrets {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int RANDOM_LENGTH = 43;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    public static String newSecret(Environment environment) {
        StringBuilder secret = new StringBuilder(prefix(environment));
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    public static String prefix(Environment environment) {
        return "qk_" + environment.wireName() + "_";
    }

    /** The environment named by a well-formed secret's prefix. */
    public static Optional<Environment> environmentOf(String secret) {
        for (Environment environment : Environment.values()) {
            String prefix = prefix(environment);
            if (secret.startsWith(prefix) && secret.length() == prefix.length() + RANDOM_LENGTH) {
                return Optional.of(environment);
            }
        }
        return Optional.empty();
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }

    /** Enough to recognise a key in a list, useless for calling: prefix, ellipsis, last four characters. */
    public static String mask(String secret) {
        return secret.substring(0, secret.lastIndexOf('_') + 1) + "…" + secret.substring(secret.length() - 4);
    }
}
