package sa.qayd.zatca.simulator;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import sa.qayd.zatca.hash.Digests;

/** A CSID the simulator handed out, with what it needs to authenticate and verify later calls. */
record IssuedCsid(long requestId, CsidKind kind, X509Certificate certificate, String binarySecurityToken,
        String secret) {

    /** The single-base64 DER form, as in {@code ds:X509Certificate}. */
    String certificateBody() {
        return bodyOf(certificate);
    }

    static String bodyOf(X509Certificate certificate) {
        return Base64.getEncoder().encodeToString(encoded(certificate));
    }

    /** Names this very CSID (on the developer portal every compliance CSID has the same requestID). */
    String fingerprint() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Digests.sha256(encoded(certificate)));
    }

    /** The EGS unit the certificate was issued to; renewals keep the subject, so continuity survives them. */
    String unit() {
        return certificate.getSubjectX500Principal().getName();
    }

    CertificateIdentity identity() {
        return CertificateIdentity.of(certificate);
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
