package sa.qayd.zatca.simulator;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/** Reads the {@code csr} field of a CSID request the way ZATCA accepts it: base64 of a PEM PKCS#10 request. */
final class SubmittedCsr {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private SubmittedCsr() {
    }

    /** The request, if it is a self-signed secp256k1 PKCS#10 CSR; empty means ZATCA's {@code Invalid-CSR}. */
    static Optional<PKCS10CertificationRequest> parse(String base64Pem) {
        try {
            String pem = new String(Base64.getMimeDecoder().decode(base64Pem), StandardCharsets.US_ASCII);
            try (PEMParser parser = new PEMParser(new StringReader(pem))) {
                return parser.readObject() instanceof PKCS10CertificationRequest csr && isAcceptable(csr)
                        ? Optional.of(csr)
                        : Optional.empty();
            }
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isAcceptable(PKCS10CertificationRequest csr) {
        AlgorithmIdentifier keyAlgorithm = csr.getSubjectPublicKeyInfo().getAlgorithm();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(keyAlgorithm.getAlgorithm())
                || !SECObjectIdentifiers.secp256k1.equals(keyAlgorithm.getParameters())) {
            return false;
        }
        try {
            return csr.isSignatureValid(new JcaContentVerifierProviderBuilder()
                    .setProvider(BC)
                    .build(csr.getSubjectPublicKeyInfo()));
        } catch (OperatorCreationException | PKCSException e) {
            return false;
        }
    }
}
