package sa.qayd.zatca.simulator;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.xml.sax.SAXException;
import sa.qayd.zatca.fatoora.CsidResponse;
import sa.qayd.zatca.fatoora.FatooraEndpoint;
import sa.qayd.zatca.fatoora.FatooraHeaders;
import sa.qayd.zatca.fatoora.FatooraJson;
import sa.qayd.zatca.fatoora.GatewayError;
import sa.qayd.zatca.fatoora.InvoiceResponse;
import sa.qayd.zatca.fatoora.InvoiceSubmission;
import sa.qayd.zatca.fatoora.ValidationMessage;
import sa.qayd.zatca.fatoora.ValidationResults;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.model.DocumentKind;

/** The Fatoora protocol as the simulator plays it, after HTTP framing, faults and authentication. */
final class SimulatedGateway {
    private final String acceptedOtp;
    private final SimulatorCertificateAuthority ca;
    private final DocumentVerifier verifier;
    private final CsidRegistry csids;
    private final UnitLedger ledger = new UnitLedger();
    private final Set<Long> compliantRequests = ConcurrentHashMap.newKeySet();
    private volatile boolean clearanceEnabled = true;

    SimulatedGateway(String acceptedOtp, SimulatorCertificateAuthority ca, DocumentVerifier verifier) {
        this.acceptedOtp = acceptedOtp;
        this.ca = ca;
        this.verifier = verifier;
        this.csids = new CsidRegistry(ca);
    }

    CsidRegistry csids() {
        return csids;
    }

    void clearanceEnabled(boolean enabled) {
        clearanceEnabled = enabled;
    }

    /** The kind of CSID a call must be authenticated with, or null for the open compliance CSID call. */
    static CsidKind requiredCsid(FatooraEndpoint endpoint) {
        return switch (endpoint) {
            case COMPLIANCE_CSID -> null;
            case COMPLIANCE_INVOICE_CHECK, PRODUCTION_CSID -> CsidKind.COMPLIANCE;
            case PRODUCTION_CSID_RENEWAL, REPORTING, CLEARANCE -> CsidKind.PRODUCTION;
        };
    }

    Reply handle(FatooraEndpoint endpoint, IssuedCsid caller, Map<String, String> headers, byte[] body) {
        return switch (endpoint) {
            case COMPLIANCE_CSID -> issueFromCsr(CsidKind.COMPLIANCE, headers.get(FatooraHeaders.OTP), body);
            case PRODUCTION_CSID_RENEWAL -> issueFromCsr(CsidKind.PRODUCTION, headers.get(FatooraHeaders.OTP), body);
            case PRODUCTION_CSID -> issueProduction(caller, body);
            case COMPLIANCE_INVOICE_CHECK -> submit(Submission.COMPLIANCE, caller, body);
            case REPORTING -> submitForMode(Submission.REPORTING, FatooraHeaders.REPORTING_MODE, caller, headers, body);
            case CLEARANCE -> clearanceEnabled
                    ? submitForMode(Submission.CLEARANCE, FatooraHeaders.CLEARANCE_MODE, caller, headers, body)
                    : Reply.error(303, "Clearance-Deactivated",
                            "Clearance is switched off; submit the document to the reporting endpoint");
        };
    }

    private Reply issueFromCsr(CsidKind kind, String otp, byte[] body) {
        if (otp == null || otp.isBlank()) {
            return csidError("Missing-OTP", "OTP is required field");
        }
        if (!otp.equals(acceptedOtp)) {
            return csidError("Invalid-OTP", "The provided OTP is invalid");
        }
        String csrField = field(body, "csr");
        if (csrField == null || csrField.isBlank()) {
            return csidError("Missing-CSR", "CSR is required field");
        }
        return SubmittedCsr.parse(csrField)
                .map(csr -> issued(kind, ca.issue(csr, kind.validity())))
                .orElseGet(() -> csidError("Invalid-CSR", "The provided CSR is invalid"));
    }

    private Reply issueProduction(IssuedCsid complianceCsid, byte[] body) {
        String requestId = field(body, "compliance_request_id");
        if (requestId == null || !requestId.equals(Long.toString(complianceCsid.requestId()))) {
            return csidError("Invalid-Request-ID", "compliance_request_id is not the request of this CSID");
        }
        if (!compliantRequests.contains(complianceCsid.requestId())) {
            return csidError("Missing-ComplianceSteps", "The compliance certificate is not done with the "
                    + "compliance steps yet: no compliance invoice check has passed");
        }
        return issued(CsidKind.PRODUCTION, ca.reissue(complianceCsid.certificate(), CsidKind.PRODUCTION.validity()));
    }

    private Reply issued(CsidKind kind, X509Certificate certificate) {
        IssuedCsid issued = csids.register(kind, certificate);
        return Reply.json(200, CsidResponse.issued(issued.requestId(), issued.binarySecurityToken(), issued.secret()));
    }

    private static Reply csidError(String code, String message) {
        return Reply.json(400, CsidResponse.failed(new GatewayError(code, message)));
    }

    private enum Submission { COMPLIANCE, REPORTING, CLEARANCE }

    private Reply submitForMode(Submission mode, String clearanceStatus, IssuedCsid caller,
            Map<String, String> headers, byte[] body) {
        if (!clearanceStatus.equals(headers.get(FatooraHeaders.CLEARANCE_STATUS))) {
            return rejected(ValidationMessage.error("invalid-clearance-status", "HEADERS",
                    "Clearance-Status must be " + clearanceStatus + " on this endpoint"));
        }
        return submit(mode, caller, body);
    }

    private Reply submit(Submission mode, IssuedCsid caller, byte[] body) {
        InvoiceSubmission submission;
        byte[] xml;
        SubmittedDocument document;
        try {
            submission = FatooraJson.read(body, InvoiceSubmission.class);
            if (submission.invoice() == null || submission.invoiceHash() == null || submission.uuid() == null) {
                return malformedSubmission();
            }
            xml = Base64.getDecoder().decode(submission.invoice());
            document = SubmittedDocument.parse(xml);
        } catch (IOException | IllegalArgumentException | SAXException e) {
            return malformedSubmission();
        }
        String invoiceHash = recomputedHash(xml);
        List<ValidationMessage> messages = new ArrayList<>(mode == Submission.COMPLIANCE
                ? verifier.verify(xml, ca.certificate(), null)
                : ledger.append(caller.unit(), document.icv(), invoiceHash,
                        expected -> verifier.verify(xml, ca.certificate(), expected)));
        if (!invoiceHash.equals(submission.invoiceHash())) {
            messages.add(ValidationMessage.error("invalid-invoice-hash", "INVOICE_HASHING_ERRORS",
                    "The invoice hash API body does not match the (calculated) Hash of the XML"));
        }
        if (!submission.uuid().equals(document.uuid())) {
            messages.add(ValidationMessage.error("invalid-invoice-uuid", "UUID",
                    "The uuid in the API body does not match the cbc:UUID of the XML"));
        }
        if (!caller.certificateBody().equals(document.certificateBody())) {
            messages.add(ValidationMessage.error("certificate-mismatch", "SIGNATURE_ERRORS",
                    "The document is not signed with the certificate of the authenticating CSID"));
        }
        if (document.kind() == null) {
            messages.add(ValidationMessage.error("invalid-invoice-type", "KSA",
                    "InvoiceTypeCode and its name do not denote a standard or simplified invoice or note"));
        } else if (mode != Submission.COMPLIANCE && document.kind().simplified() != (mode == Submission.REPORTING)) {
            messages.add(ValidationMessage.error("invalid-invoice-type", "KSA", document.kind().simplified()
                    ? "simplified documents are reported, not cleared"
                    : "standard documents are cleared, not reported"));
        }
        return verdict(mode, caller, document.kind(), messages, submission.invoice());
    }

    private Reply verdict(Submission mode, IssuedCsid caller, DocumentKind kind, List<ValidationMessage> messages,
            String invoiceBase64) {
        ValidationResults results = ValidationResults.of(
                only(messages, "INFO"), only(messages, "WARNING"), only(messages, "ERROR"));
        boolean accepted = results.errorMessages().isEmpty();
        if (accepted && mode == Submission.COMPLIANCE) {
            compliantRequests.add(caller.requestId());
        }
        boolean simplified = kind == null || kind.simplified();
        // ZATCA stamps the cleared document; the simulator returns the submitted bytes unchanged
        String cleared = accepted && mode == Submission.CLEARANCE ? invoiceBase64 : null;
        InvoiceResponse response = new InvoiceResponse(results,
                simplified ? (accepted ? "REPORTED" : "NOT_REPORTED") : null,
                simplified ? null : (accepted ? "CLEARED" : "NOT_CLEARED"),
                cleared);
        int status = !accepted ? 400 : results.warningMessages().isEmpty() ? 200 : 202;
        return Reply.json(status, response);
    }

    private static Reply malformedSubmission() {
        return rejected(ValidationMessage.error("invalid-request", "REQUEST",
                "the body must carry invoiceHash, uuid and the base64 of a signed XML invoice"));
    }

    private static Reply rejected(ValidationMessage error) {
        return Reply.json(400, new InvoiceResponse(ValidationResults.of(List.of(), List.of(), List.of(error)),
                null, null, null));
    }

    private static String recomputedHash(byte[] xml) {
        try {
            return InvoiceHash.of(xml);
        } catch (SAXException alreadyParsed) {
            throw new IllegalStateException(alreadyParsed);
        }
    }

    private static List<ValidationMessage> only(List<ValidationMessage> messages, String type) {
        return messages.stream().filter(message -> type.equals(message.type())).toList();
    }

    private static String field(byte[] body, String name) {
        try {
            return FatooraJson.readTree(body).path(name).textValue();
        } catch (IOException notJson) {
            return null;
        }
    }
}
