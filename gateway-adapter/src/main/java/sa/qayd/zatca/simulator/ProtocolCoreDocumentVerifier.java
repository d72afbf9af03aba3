package sa.qayd.zatca.simulator;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import sa.qayd.zatca.fatoora.ValidationMessage;
import sa.qayd.zatca.rules.RuleFinding;
import sa.qayd.zatca.rules.RulesReport;
import sa.qayd.zatca.rules.ZatcaRules;
import sa.qayd.zatca.verify.InvoiceVerifier;
import sa.qayd.zatca.verify.Problem;
import sa.qayd.zatca.verify.ProblemCode;
import sa.qayd.zatca.verify.VerificationContext;

/**
 * {@link DocumentVerifier} in ZATCA's order: the UBL 2.1 XSD, the EN 16931 and KSA schematron ({@link ZatcaRules},
 * findings flagged error or warning as ZATCA flags them), then the protocol core's independent
 * {@link InvoiceVerifier} for what the rules do not judge (hash, signature, XAdES properties, trust, QR, ICV/PIH).
 * Like ZATCA, a broken PIH/ICV chain only warns.
 *
 * <p>The rules cost 11-18 ms of CPU per document on a 2-core machine (the core checks 1-3 ms);
 * {@link #withoutRules()} leaves them out for load tests, and then the core's own totals and note checks stand
 * in for them.
 */
public final class ProtocolCoreDocumentVerifier implements DocumentVerifier {
    /** The core's checks that the schematron makes too, in ZATCA's words and with ZATCA's tolerances. */
    private static final Set<ProblemCode> JUDGED_BY_RULES = EnumSet.of(ProblemCode.TOTALS_MISMATCH,
            ProblemCode.BUSINESS_RULE_VIOLATED, ProblemCode.NOTE_WITHOUT_BILLING_REFERENCE,
            ProblemCode.NOTE_WITHOUT_REASON);
    private static final String XSD_CATEGORY = "XSD validation";

    private final ZatcaRules rules;

    /** With ZATCA's rules, as the gateways check every document. */
    public ProtocolCoreDocumentVerifier() {
        this(ZatcaRules.get());
    }

    private ProtocolCoreDocumentVerifier(ZatcaRules rules) {
        this.rules = rules;
    }

    /** Only the protocol core's checks: about a tenth of the CPU, for load tests. */
    public static ProtocolCoreDocumentVerifier withoutRules() {
        return new ProtocolCoreDocumentVerifier(null);
    }

    @Override
    public List<ValidationMessage> verify(byte[] signedXml, X509Certificate trustedCa, ChainPosition expected) {
        List<ValidationMessage> messages = new ArrayList<>();
        if (rules != null) {
            RulesReport report = rules.validate(signedXml);
            if (report.findings().stream().anyMatch(finding -> "XSD".equals(finding.source()))) {
                // like ZATCA: a document that is not UBL is judged by nothing else
                return report.findings().stream().map(ProtocolCoreDocumentVerifier::xsdMessage).toList();
            }
            messages.add(ValidationMessage.info("XSD_ZATCA_VALID", XSD_CATEGORY,
                    "Complied with UBL 2.1 standards in line with ZATCA specifications"));
            report.findings().stream().map(ProtocolCoreDocumentVerifier::ruleMessage).forEach(messages::add);
        }
        VerificationContext context = VerificationContext.NONE.withTrustedCa(trustedCa);
        if (expected != null) {
            context = context.withExpectedChain(expected.previousInvoiceHash(), expected.icv());
        }
        InvoiceVerifier.verify(signedXml, context).problems().stream()
                .filter(problem -> rules == null || !JUDGED_BY_RULES.contains(problem.code()))
                .map(ProtocolCoreDocumentVerifier::message)
                .forEach(messages::add);
        return messages;
    }

    private static ValidationMessage xsdMessage(RuleFinding finding) {
        return ValidationMessage.error("XSD_ZATCA_INVALID", XSD_CATEGORY, "Schema validation failed; XML does not "
                + "comply with UBL 2.1 standards in line with ZATCA specifications. ERROR: " + finding.text());
    }

    private static ValidationMessage ruleMessage(RuleFinding finding) {
        String category = "EN16931".equals(finding.source()) ? "EN_16931" : finding.source();
        return finding.error()
                ? ValidationMessage.error(finding.id(), category, finding.text())
                : ValidationMessage.warning(finding.id(), category, finding.text());
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
