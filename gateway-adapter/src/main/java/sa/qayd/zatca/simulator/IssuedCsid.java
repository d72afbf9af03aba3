package sa.qayd.zatca.simulator;

import java.security.cert.X509Certificate;

/** A CSID the simulator handed out, with what it needs to authenticate and verify later calls. */
record IssuedCsid(long requestId, CsidKind kind, X509Certificate certificate, String binarySecurityToken,
        String secret) {

    /** The EGS unit the certificate was issued to; renewals keep the subject, so continuity survives them. */
    String unit() {
        return certificate.getSubjectX500Principal().getName();
    }
}
