package sa.qayd.zatca.simulator;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** A CSID the simulator handed out, with what it needs to authenticate and verify later calls. */
record IssuedCsid(long requestId, CsidKind kind, X509Certificate certificate, String binarySecurityToken,
        String secret) {

    /** The EGS unit the certificate was issued to; renewals keep the subject, so continuity survives them. */
    /** The single-base64 DER form, as in {@code ds:X509Certificate}. */
    String certificateBody() {
        return bodyOf(certificate);
    }

    static String bodyOf(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    String unit() {
        return certificate.getSubjectX500Principal().getName();
    }
}
