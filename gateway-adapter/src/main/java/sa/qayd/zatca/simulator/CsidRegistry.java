package sa.qayd.zatca.simulator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** In-memory store of issued CSIDs, looked up by request id or by the Basic credentials of a call. */
final class CsidRegistry {
    private static final SecureRandom RANDOM = new SecureRandom();

    // ZATCA's request ids are 13-digit numbers; starting at the clock keeps them unique across restarts.
    private final AtomicLong nextRequestId = new AtomicLong(System.currentTimeMillis());
    private final Map<String, IssuedCsid> byToken = new ConcurrentHashMap<>();
    private final Map<Long, IssuedCsid> byRequestId = new ConcurrentHashMap<>();

    IssuedCsid register(CsidKind kind, X509Certificate certificate) {
        IssuedCsid issued = new IssuedCsid(nextRequestId.getAndIncrement(), kind, certificate,
                binarySecurityToken(certificate), randomSecret());
        byToken.put(issued.binarySecurityToken(), issued);
        byRequestId.put(issued.requestId(), issued);
        return issued;
    }

    Optional<IssuedCsid> byRequestId(long requestId) {
        return Optional.ofNullable(byRequestId.get(requestId));
    }

    /** The CSID whose token and secret the {@code Authorization: Basic} header carries, if any. */
    Optional<IssuedCsid> authenticate(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.startsWith("Basic ")) {
            return Optional.empty();
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(authorizationHeader.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String secret = pair.substring(colon + 1);
        return Optional.ofNullable(byToken.get(pair.substring(0, colon)))
                .filter(issued -> issued.secret().equals(secret));
    }

    // ZATCA's quirk: the token is base64 of the base64 DER certificate.
    private static String binarySecurityToken(X509Certificate certificate) {
        return Base64.getEncoder().encodeToString(
                IssuedCsid.bodyOf(certificate).getBytes(StandardCharsets.US_ASCII));
    }

    private static String randomSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
