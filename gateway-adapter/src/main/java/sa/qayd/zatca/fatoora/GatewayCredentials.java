package sa.qayd.zatca.fatoora;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;

/**
 * A CSID (compliance or production) as issued by one ZATCA environment. The environment travels with the
 * token so that a {@link FatooraClient} of another environment refuses it.
 *
 * @param binarySecurityToken exactly as ZATCA returned it (base64 of the base64 certificate body)
 */
public record GatewayCredentials(FatooraEnvironment environment, String binarySecurityToken, String secret) {

    public GatewayCredentials {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(binarySecurityToken, "binarySecurityToken");
        Objects.requireNonNull(secret, "secret");
    }

    public String basicAuthorization() {
        String pair = binarySecurityToken + ":" + secret;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The single-base64 body that goes into {@code ds:X509Certificate} of a signed invoice. */
    public String certificateBody() {
        return new String(Base64.getDecoder().decode(binarySecurityToken), StandardCharsets.US_ASCII);
    }

    public X509Certificate certificate() {
        byte[] der = Base64.getDecoder().decode(certificateBody());
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("binarySecurityToken does not hold an X.509 certificate", e);
        }
    }

    @Override
    public String toString() {
        return "GatewayCredentials[environment=" + environment + ", binarySecurityToken="
                + binarySecurityToken.substring(0, Math.min(16, binarySecurityToken.length())) + "…, secret=***]";
    }
}
