package sa.qayd.zatca.simulator;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import sa.qayd.zatca.csr.CsrParser;

/** Reads the {@code csr} field of a CSID request the way ZATCA accepts it: base64 of a PEM PKCS#10 request. */
final class SubmittedCsr {

    private SubmittedCsr() {
    }

    /**
     * The request, if it is a self-signed secp256k1 CSR whose fields pass the SDK's rules; empty means ZATCA's
     * {@code Invalid-CSR}. The raw request is returned so that subject and SAN are echoed byte for byte.
     */
    static Optional<PKCS10CertificationRequest> parse(String base64Pem) {
        try {
            CsrParser.parse(base64Pem);
            String pem = new String(Base64.getMimeDecoder().decode(base64Pem), StandardCharsets.US_ASCII);
            try (PEMParser parser = new PEMParser(new StringReader(pem))) {
                return parser.readObject() instanceof PKCS10CertificationRequest csr && isSecp256k1(csr)
                        ? Optional.of(csr)
                        : Optional.empty();
            }
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isSecp256k1(PKCS10CertificationRequest csr) {
        AlgorithmIdentifier keyAlgorithm = csr.getSubjectPublicKeyInfo().getAlgorithm();
        return SECObjectIdentifiers.secp256k1.equals(keyAlgorithm.getParameters());
    }
}
