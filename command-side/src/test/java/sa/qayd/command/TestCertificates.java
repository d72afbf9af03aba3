package sa.qayd.command;

import java.io.IOException;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import sa.qayd.zatca.csr.Csr;
import sa.qayd.zatca.csr.CsrConfig;
import sa.qayd.zatca.csr.CsrGenerator;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.simulator.SimulatorCertificateAuthority;

/** A real secp256k1 key and a certificate for it, issued by the local simulator's CA as ZATCA would. */
public record TestCertificates(String privateKeyPem, String certificateBase64, X509Certificate certificate) {

    public static TestCertificates issue() {
        try {
            KeyPair keys = CsrGenerator.newKeyPair();
            Csr csr = CsrGenerator.generate(new CsrConfig("EGS-TEST-399999999900003", "1-Qayd|2-POS|3-SN1",
                    "399999999900003", "Main", "Acme", "SA", "1100", "RRRD2929", "Retail", FatooraEnvironment.SANDBOX), keys);
            X509Certificate certificate = SimulatorCertificateAuthority.generate()
                    .issue(new PKCS10CertificationRequest(csr.der()), Duration.ofDays(365));
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
            return new TestCertificates(pem, Base64.getEncoder().encodeToString(certificate.getEncoded()), certificate);
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
