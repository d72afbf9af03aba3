package sa.qayd.zatca.simulator;

import java.security.cert.X509Certificate;
import java.util.List;
import sa.qayd.zatca.fatoora.ValidationMessage;

/**
 * The content and signature checks the simulator applies to a submitted document, answering with ZATCA-style
 * messages: errors reject the document (400), warnings accept it with warnings (202), info is passed along.
 * The protocol framing (JSON invoiceHash and uuid, CSID certificate, endpoint versus document kind) is checked
 * by the simulator itself. The default is {@link ProtocolCoreDocumentVerifier}; tests may plug in others.
 */
@FunctionalInterface
public interface DocumentVerifier {

    /**
     * @param trustedCa the simulator's CA, which the document's signing certificate must chain to; null for the
     *     developer portal's SDK certificate, which the simulator pins instead (it compares the document's
     *     certificate with the caller's)
     * @param expected where the document must sit in its unit's chain, or null when that is not judged
     *     (compliance checks, the first document the simulator sees of a unit)
     */
    List<ValidationMessage> verify(byte[] signedXml, X509Certificate trustedCa, ChainPosition expected);
}
