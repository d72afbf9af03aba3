package sa.qayd.zatca.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sa.qayd.zatca.signing.Signer;

class SimulatorCertificateAuthorityTest {

    @Test
    void keepsTheSameCaAcrossRestartsWhenGivenAFile(@TempDir Path directory) throws Exception {
        Path pemFile = directory.resolve("simulator-ca.pem");

        SimulatorCertificateAuthority first = SimulatorCertificateAuthority.loadOrCreate(pemFile);
        SimulatorCertificateAuthority second = SimulatorCertificateAuthority.loadOrCreate(pemFile);

        assertThat(Files.exists(pemFile)).isTrue();
        assertThat(second.certificate()).isEqualTo(first.certificate());
        X509Certificate issued = second.issue(csr(), Duration.ofDays(1));
        issued.verify(first.certificate().getPublicKey(), Signer.BC);
    }

    @Test
    void isASecp256k1CertificationAuthority() {
        X509Certificate ca = SimulatorCertificateAuthority.generate().certificate();

        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(ca.getSigAlgName()).isEqualToIgnoringCase("SHA256withECDSA");
        assertThat(SubjectPublicKeyInfo.getInstance(ca.getPublicKey().getEncoded()).getAlgorithm().getParameters())
                .isEqualTo(SECObjectIdentifiers.secp256k1);
    }

    private static PKCS10CertificationRequest csr() throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(new TestEgsUnit("TST-1").csrPem()))) {
            return (PKCS10CertificationRequest) parser.readObject();
        }
    }
}
