package sa.qayd.zatca.verify;

import java.security.cert.X509Certificate;

/**
 * What the caller expects of the document, each part optional (null = not checked).
 *
 * @param expectedPreviousHash the PIH the document must carry (the unit's previous invoice hash)
 * @param expectedIcv          the ICV the document must carry
 * @param trustedCa            the CA that must have signed the embedded certificate
 */
public record VerificationContext(String expectedPreviousHash, Long expectedIcv, X509Certificate trustedCa) {

    public static final VerificationContext NONE = new VerificationContext(null, null, null);

    public VerificationContext withExpectedChain(String previousHash, long icv) {
        return new VerificationContext(previousHash, icv, trustedCa);
    }

    public VerificationContext withTrustedCa(X509Certificate ca) {
        return new VerificationContext(expectedPreviousHash, expectedIcv, ca);
    }
}
