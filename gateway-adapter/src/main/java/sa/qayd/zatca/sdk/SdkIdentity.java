package sa.qayd.zatca.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import sa.qayd.zatca.signing.Signer;

/**
 * ZATCA's published dummy identity from its SDK ({@code Data/Certificates}): the certificate that the
 * developer portal returns as every unit's production CSID, and its private key, which is public. A
 * unit onboarded on the portal must sign with this key, and the portal accepts only this
 * certificate's VAT number in documents.
 */
public final class SdkIdentity {
    /** The VAT number in the SDK certificate; the developer portal refuses documents of any other. */
    public static final String VAT_NUMBER = "399999999900003";

    private static final String CERTIFICATE = read("cert.pem");
    private static final String PRIVATE_KEY = read("ec-secp256k1-priv-key.pem");
    private static final X509Certificate PARSED = Signer.parseCertificate(CERTIFICATE);

    private SdkIdentity() {
    }

    public static X509Certificate certificate() {
        return PARSED;
    }

    /** The published private key, as a PEM text that {@link Signer#parsePrivateKey} reads. */
    public static String privateKeyPem() {
        return "-----BEGIN EC PRIVATE KEY-----\n" + PRIVATE_KEY + "\n-----END EC PRIVATE KEY-----\n";
    }

    /** True for the SDK's certificate (same DER), as the developer portal issues it for every unit. */
    public static boolean isSdkCertificate(X509Certificate certificate) {
        try {
            return Arrays.equals(certificate.getEncoded(), PARSED.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    private static String read(String name) {
        try (InputStream in = SdkIdentity.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled SDK file sa/qayd/zatca/sdk/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
