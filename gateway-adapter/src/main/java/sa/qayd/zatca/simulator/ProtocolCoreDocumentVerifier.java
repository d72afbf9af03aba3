package sa.qayd.zatca.simulator;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import sa.qayd.zatca.fatoora.ValidationMessage;
import sa.qayd.zatca.verify.InvoiceVerifier;
import sa.qayd.zatca.verify.Problem;
import sa.qayd.zatca.verify.VerificationContext;

/**
 * {@link DocumentVerifier} backed by the protocol core's independent {@link InvoiceVerifier} (hash, signature,
 * XAdES properties, trust, QR, totals, note rules, ICV/PIH), its problems translated into ZATCA's message shape.
 * Like ZATCA, a broken PIH/ICV chain only warns.
 */
public final class ProtocolCoreDocumentVerifier implements DocumentVerifier {

    @Override
    public List<ValidationMessage> verify(byte[] signedXml, X509Certificate trustedCa, ChainPosition expected) {
        VerificationContext context = VerificationContext.NONE.withTrustedCa(trustedCa);
        if (expected != null) {
            context = context.withExpectedChain(expected.previousInvoiceHash(), expected.icv());
        }
        return InvoiceVerifier.verify(signedXml, context).problems().stream()
                .map(ProtocolCoreDocumentVerifier::message)
                .toList();
    }

    private static ValidationMessage message(Problem problem) {
        String code = problem.code().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (problem.code()) {
            case PIH_MISMATCH -> ValidationMessage.warning("invalid-previous-invoice-hash", "PIH", problem.detail());
            case ICV_MISMATCH -> ValidationMessage.warning("invalid-invoice-counter", "ICV", problem.detail());
            case INVOICE_HASH_MISMATCH ->
                    ValidationMessage.error("invalid-invoice-hash", "INVOICE_HASHING_ERRORS", problem.detail());
            case SIGNATURE_INVALID, CERTIFICATE_INVALID, CERTIFICATE_DIGEST_MISMATCH, ISSUER_SERIAL_MISMATCH,
                    SIGNED_PROPERTIES_DIGEST_MISMATCH, CERTIFICATE_NOT_TRUSTED ->
                    ValidationMessage.error(code, "SIGNATURE_ERRORS", problem.detail());
            case QR_MISSING, QR_MALFORMED, QR_MISMATCH -> ValidationMessage.error(code, "QR_CODE_ERRORS", problem.detail());
            default -> ValidationMessage.error(code, "KSA", problem.detail());
        };
    }
}
