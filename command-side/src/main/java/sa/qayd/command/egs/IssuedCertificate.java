package sa.qayd.command.egs;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;

/** The public facts of a certificate ZATCA issued, as events record them. */
record IssuedCertificate(String base64, String serial, Instant notAfter) {

    static IssuedCertificate of(X509Certificate certificate) {
        try {
            return new IssuedCertificate(Base64.getEncoder().encodeToString(certificate.getEncoded()),
                    certificate.getSerialNumber().toString(), certificate.getNotAfter().toInstant());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("an X.509 certificate that cannot be encoded", e);
        }
    }
}
