package sa.qayd.zatca.simulator;

import java.security.cert.X509Certificate;
import java.util.List;
import sa.qayd.zatca.fatoora.ValidationMessage;

/**
 * The content and signature checks the simulator applies to a submitted document, answering with ZATCA-style
 * messages: errors reject the document (400), warnings accept it with warnings (202), info is passed along.
 * Framing checks (JSON invoiceHash, UUID, endpoint versus document kind, PIH/ICV chain) are the simulator's own.
 */
@FunctionalInterface
public interface DocumentVerifier {

    /**
     * @param signingCertificate the certificate of the CSID the call was authenticated with; the document must
     *     be signed with it
     * @param trustedCa the simulator's CA, which the signing certificate must chain to
     */
    List<ValidationMessage> verify(byte[] signedXml, X509Certificate signingCertificate, X509Certificate trustedCa);
}
