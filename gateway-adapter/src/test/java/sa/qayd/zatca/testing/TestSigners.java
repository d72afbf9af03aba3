package sa.qayd.zatca.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import sa.qayd.zatca.csr.CsrGenerator;
import sa.qayd.zatca.signing.Signer;

/** Signers for tests: the SDK's dummy pair, or a fresh secp256k1 key under a test CA. */
public final class TestSigners {

    /** A CA and an EGS certificate it issued, generated once per JVM. */
    public record TestPki(KeyPair caKeys, X509Certificate caCertificate, Signer signer) {
    }

    private static final TestPki PKI = createPki();

    private TestSigners() {
    }

    public static TestPki pki() {
        return PKI;
    }

    public static Signer generated() {
        return PKI.signer();
    }

    public static Signer sdk() {
        return Signer.fromPem(SdkData.read(SdkData.resolve("Certificates/ec-secp256k1-priv-key.pem")),
                SdkData.read(SdkData.resolve("Certificates/cert.pem")));
    }

    private static TestPki createPki() {
        try {
            KeyPair ca = CsrGenerator.newKeyPair();
            X500Name caName = new X500Name("CN=QAYDTESTCA, DC=qayd, DC=test");
            X509Certificate caCert = certificate(caName, ca.getPublic(), caName, ca, BigInteger.ONE);
            KeyPair egs = CsrGenerator.newKeyPair();
            X509Certificate egsCert = certificate(new X500Name("C=SA, O=Qayd Test, CN=TST-886431145-399999999900003"),
                    egs.getPublic(), caName, ca, new BigInteger("379112742831380471835263969587287663520528388"));
            return new TestPki(ca, caCert, Signer.of(egs.getPrivate(), egsCert));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509Certificate certificate(X500Name subject, java.security.PublicKey key, X500Name issuer, KeyPair issuerKeys,
                                              BigInteger serial) throws Exception {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(365, ChronoUnit.DAYS)), subject, key);
        var contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Signer.BC).build(issuerKeys.getPrivate());
        return new JcaX509CertificateConverter().setProvider(Signer.BC).getCertificate(builder.build(contentSigner));
    }
}
