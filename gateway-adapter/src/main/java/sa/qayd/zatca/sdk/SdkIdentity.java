package sa.qayd.zatca.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import sa.qayd.zatca.signing.Signer;

/**
 * ZATCA's published test identity, from the SDK's {@code Data/Certificates} (bundled in this jar, see
 * {@code sa/qayd/zatca/rules/NOTICE.md}): the one production certificate ZATCA's developer portal hands every unit
 * ({@code requestID} 30368), its private key, the VAT number it is issued to and the secret that goes with it.
 * Documents for the portal's reporting and clearance endpoints must be signed with this key and carry this VAT
 * number; the portal refuses any other ({@code certificate-permissions}). Public test material, never a secret.
 */
public final class SdkIdentity {
    /** The seller VAT number in the certificate (its SAN {@code UID}). */
    public static final String VAT_NUMBER = "399999999900003";
    /** The secret the developer portal returns with the certificate. */
    public static final String SECRET = "CkYsEXfV8c1gFHAtFWoZv73pGMvh/Qyo4LzKM2h/8Hg=";
    /** The developer portal's {@code requestID} of the production CSID it issues. */
    public static final long PRODUCTION_REQUEST_ID = 30368;

    private static final String CERTIFICATE_BODY = resource("cert.pem").strip();
    private static final X509Certificate CERTIFICATE = Signer.parseCertificate(CERTIFICATE_BODY);
    private static final PrivateKey PRIVATE_KEY = Signer.parsePrivateKey(resource("ec-secp256k1-priv-key.pem"));
    private static final byte[] ENCODED = encoded(CERTIFICATE);

    private SdkIdentity() {
    }

    public static X509Certificate certificate() {
        return CERTIFICATE;
    }

    /** The single-base64 DER certificate, as in {@code ds:X509Certificate}. */
    public static String certificateBody() {
        return CERTIFICATE_BODY;
    }

    /** The token exactly as the portal returns it: base64 of the base64 certificate body. */
    public static String binarySecurityToken() {
        return Base64.getEncoder().encodeToString(CERTIFICATE_BODY.getBytes(StandardCharsets.US_ASCII));
    }

    public static PrivateKey privateKey() {
        return PRIVATE_KEY;
    }

    /** The private key as PKCS#8 PEM, kept with a unit whose production CSID is this certificate. */
    public static String privateKeyPem() {
        return Signer.privateKeyPem(PRIVATE_KEY);
    }

    /** Signs documents as the developer portal's production CSID requires. */
    public static Signer signer() {
        return Signer.of(PRIVATE_KEY, CERTIFICATE);
    }

    /** True when this is the SDK's certificate, e.g. the production CSID the developer portal issued. */
    public static boolean isSdkCertificate(X509Certificate certificate) {
        return Arrays.equals(ENCODED, encoded(certificate));
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SdkIdentity.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled SDK file sa/qayd/zatca/sdk/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
