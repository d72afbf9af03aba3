package sa.qayd.zatca.simulator;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import sa.qayd.zatca.sdk.SdkIdentity;

/**
 * Issued CSIDs, looked up by the Basic credentials of a call. Nothing is remembered: the token is
 * the certificate (signed by the simulator's CA), the secret an HMAC of the token under a key
 * derived from the CA's private key, the request id a function of the certificate serial, and the
 * kind follows from the validity the simulator gives each kind. So a simulator restarted with the
 * same CA file still honours every CSID it ever issued, as ZATCA's gateway does. On the developer
 * portal every compliance CSID has requestID {@value #DEVELOPER_PORTAL_COMPLIANCE_REQUEST_ID} and the
 * production CSID is the SDK's certificate with its published secret.
 */
final class CsidRegistry {
    static final long DEVELOPER_PORTAL_COMPLIANCE_REQUEST_ID = 1234567890123L;
    private static final BigInteger REQUEST_ID_RANGE = BigInteger.TEN.pow(13);

    private final SimulatorCertificateAuthority ca;
    private final GatewayMode mode;

    CsidRegistry(SimulatorCertificateAuthority ca, GatewayMode mode) {
        this.ca = ca;
        this.mode = mode;
    }

    IssuedCsid register(CsidKind kind, X509Certificate certificate) {
        return describe(kind, certificate);
    }

    /** The developer portal's production CSID, the same for every unit. */
    static IssuedCsid sdkProductionCsid() {
        return new IssuedCsid(SdkIdentity.PRODUCTION_REQUEST_ID, CsidKind.PRODUCTION, SdkIdentity.certificate(),
                SdkIdentity.binarySecurityToken(), SdkIdentity.SECRET);
    }

    /** The CSID whose token and secret the {@code Authorization: Basic} header carries, if any. */
    Optional<IssuedCsid> authenticate(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.startsWith("Basic ")) {
            return Optional.empty();
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(authorizationHeader.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String token = pair.substring(0, colon);
        String secret = pair.substring(colon + 1);
        if (mode == GatewayMode.DEVELOPER_PORTAL && token.equals(SdkIdentity.binarySecurityToken())) {
            return Optional.of(sdkProductionCsid()).filter(issued -> issued.secret().equals(secret));
        }
        return certificateOf(token)
                .filter(ca::issued)
                .map(certificate -> describe(kindOf(certificate), certificate))
                .filter(issued -> issued.secret().equals(secret));
    }

    private IssuedCsid describe(CsidKind kind, X509Certificate certificate) {
        String token = binarySecurityToken(certificate);
        long requestId = mode == GatewayMode.DEVELOPER_PORTAL && kind == CsidKind.COMPLIANCE
                ? DEVELOPER_PORTAL_COMPLIANCE_REQUEST_ID
                : certificate.getSerialNumber().mod(REQUEST_ID_RANGE).longValueExact();
        return new IssuedCsid(requestId, kind, certificate, token, secretFor(token));
    }

    private static CsidKind kindOf(X509Certificate certificate) {
        Duration validity = Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
        return validity.compareTo(CsidKind.COMPLIANCE.validity().plusDays(1)) > 0 ? CsidKind.PRODUCTION : CsidKind.COMPLIANCE;
    }

    private String secretFor(String token) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(ca.derivationKey(), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(hmac.doFinal(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is mandatory in every JRE", e);
        }
    }

    // ZATCA's quirk: the token is base64 of the base64 DER certificate.
    private static String binarySecurityToken(X509Certificate certificate) {
        return Base64.getEncoder().encodeToString(IssuedCsid.bodyOf(certificate).getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<X509Certificate> certificateOf(String token) {
        try {
            byte[] der = Base64.getDecoder().decode(Base64.getDecoder().decode(token));
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (IllegalArgumentException | GeneralSecurityException notACertificate) {
            return Optional.empty();
        }
    }
}
