package sa.qayd.zatca.simulator;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
    private static final String DEVELOPER_PORTAL_ISSUER = "CN=eInvoicing";

    private final String acceptedOtp;
    private final GatewayMode mode;
    private final SimulatorCertificateAuthority ca;
    private final SimulatorCertificateAuthority complianceIssuer;
    private final DocumentVerifier verifier;
    private final CsidRegistry csids;
    private final ComplianceProgress progress;
    private final AcceptedHashes acceptedHashes;
    private final UnitLedger ledger = new UnitLedger();
    private volatile boolean clearanceEnabled = true;

    SimulatedGateway(SimulatorSettings settings, Clock clock) {
        this.acceptedOtp = settings.acceptedOtp();
        this.mode = settings.mode();
        this.ca = settings.ca();
        this.complianceIssuer = mode == GatewayMode.DEVELOPER_PORTAL ? ca.renamed(DEVELOPER_PORTAL_ISSUER) : ca;
        this.verifier = settings.verifier();
        this.csids = new CsidRegistry(ca, mode);
        this.progress = settings.complianceProgressFile() == null
                ? ComplianceProgress.inMemory()
                : ComplianceProgress.persistedIn(settings.complianceProgressFile());
        this.acceptedHashes = new AcceptedHashes(clock);
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
            case COMPLIANCE_CSID -> complianceCsid(headers.get(FatooraHeaders.OTP), body, 200, CsidResponse.ISSUED);
            // ZATCA renews the compliance CSID only: the unit passes the checks again before a production CSID
            case PRODUCTION_CSID_RENEWAL ->
                    complianceCsid(headers.get(FatooraHeaders.OTP), body, 428, CsidResponse.NOT_COMPLIANT);
            case PRODUCTION_CSID -> productionCsid(caller, body);
            case COMPLIANCE_INVOICE_CHECK -> submit(Submission.COMPLIANCE, caller, body);
            case REPORTING -> submitForMode(Submission.REPORTING, FatooraHeaders.REPORTING_MODE, caller, headers, body);
            case CLEARANCE -> clearanceEnabled
                    ? submitForMode(Submission.CLEARANCE, FatooraHeaders.CLEARANCE_MODE, caller, headers, body)
                    : Reply.json(303, new GatewayError(null, null,
                            "Clearance is deactivated. Please use the /invoices/reporting/single endpoint instead."));
        };
    }

    private Reply complianceCsid(String otp, byte[] body, int status, String disposition) {
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
                .map(csr -> csids.register(CsidKind.COMPLIANCE,
                        complianceIssuer.issue(csr, CsidKind.COMPLIANCE.validity())))
                .map(issued -> Reply.json(status, new CsidResponse(issued.requestId(),
                        status == 200 ? CsidResponse.X509_TOKEN_TYPE : null, disposition,
                        issued.binarySecurityToken(), issued.secret(), null)))
                .orElseGet(() -> csidError("Invalid-CSR", "The provided CSR is invalid"));
    }

    private Reply productionCsid(IssuedCsid complianceCsid, byte[] body) {
        String requestId = field(body, "compliance_request_id");
        if (requestId == null || !requestId.equals(Long.toString(complianceCsid.requestId()))) {
            return csidError("Invalid-Request-ID", "compliance_request_id is not the request of this CSID");
        }
        List<String> missing = progress.missingSteps(complianceCsid);
        if (!missing.isEmpty()) {
            // ZATCA's bare error shape (ERPGulf/zatca_erpgulf issue 5)
            return Reply.json(400, new GatewayError("Missing-ComplianceSteps", "The compliance certificate is not "
                    + "done with the following compliance steps yet [" + String.join(",", missing) + "]"));
        }
        IssuedCsid production = mode == GatewayMode.DEVELOPER_PORTAL
                ? CsidRegistry.sdkProductionCsid()
                : csids.register(CsidKind.PRODUCTION,
                        ca.reissue(complianceCsid.certificate(), CsidKind.PRODUCTION.validity()));
        return Reply.json(200, CsidResponse.issued(production.requestId(), production.binarySecurityToken(),
                production.secret()));
    }

    private static Reply csidError(String code, String message) {
        return Reply.json(400, CsidResponse.failed(new GatewayError(code, message)));
    }

    private enum Submission { COMPLIANCE, REPORTING, CLEARANCE }

    private Reply submitForMode(Submission submission, String clearanceStatus, IssuedCsid caller,
            Map<String, String> headers, byte[] body) {
        if (!clearanceStatus.equals(headers.get(FatooraHeaders.CLEARANCE_STATUS))) {
            return rejected(ValidationMessage.error("invalid-clearance-status", "HEADERS",
                    "Clearance-Status must be " + clearanceStatus + " on this endpoint"));
        }
        return submit(submission, caller, body);
    }

    private Reply submit(Submission submission, IssuedCsid caller, byte[] body) {
        InvoiceSubmission request;
        byte[] xml;
        SubmittedDocument document;
        try {
            request = FatooraJson.read(body, InvoiceSubmission.class);
            if (request.invoice() == null || request.invoiceHash() == null || request.uuid() == null) {
                return malformedSubmission();
            }
            xml = Base64.getDecoder().decode(request.invoice());
            document = SubmittedDocument.parse(xml);
        } catch (IOException | IllegalArgumentException | SAXException e) {
            return malformedSubmission();
        }
        String invoiceHash = recomputedHash(xml);
        if (submission != Submission.COMPLIANCE && acceptedHashes.isDuplicate(invoiceHash)) {
            return duplicate(submission, request.invoice());
        }
        List<ValidationMessage> messages = new ArrayList<>(verify(submission, caller, document, invoiceHash, xml));
        if (!invoiceHash.equals(request.invoiceHash())) {
            messages.add(ValidationMessage.error("invalid-invoice-hash", "INVOICE_HASHING_ERRORS",
                    "The invoice hash API body does not match the (calculated) Hash of the XML"));
        }
        if (!request.uuid().equals(document.uuid())) {
            messages.add(ValidationMessage.error("invalid-invoice-uuid", "UUID",
                    "The uuid in the API body does not match the cbc:UUID of the XML"));
        }
        if (!caller.certificateBody().equals(document.certificateBody())) {
            messages.add(ValidationMessage.error("certificate-mismatch", "SIGNATURE_ERRORS",
                    "The document is not signed with the certificate of the authenticating CSID"));
        }
        if (mode == GatewayMode.DEVELOPER_PORTAL && !sameVatNumber(caller, document)) {
            // the portal's wording (wes4m/zatca-xml-js issue 34, lavaloon-eg/ksa_compliance issue 91)
            messages.add(ValidationMessage.error("certificate-permissions", "CERTIFICATE_ERRORS",
                    "User only allowed to use the vat number that exists in the authentication certificate"));
        }
        if (document.kind() == null) {
            messages.add(ValidationMessage.error("invalid-invoice-type", "KSA",
                    "InvoiceTypeCode and its name do not denote a standard or simplified invoice or note"));
        } else if (submission != Submission.COMPLIANCE
                && document.kind().simplified() != (submission == Submission.REPORTING)) {
            messages.add(ValidationMessage.error("invalid-invoice-type", "KSA", document.kind().simplified()
                    ? "simplified documents are reported, not cleared"
                    : "standard documents are cleared, not reported"));
        }
        return verdict(submission, caller, document.kind(), invoiceHash, messages, request.invoice());
    }

    /** The content checks; a unit's chain is judged only where ZATCA can tell units apart. */
    private List<ValidationMessage> verify(Submission submission, IssuedCsid caller, SubmittedDocument document,
            String invoiceHash, byte[] xml) {
        boolean sdkCertificate = mode == GatewayMode.DEVELOPER_PORTAL && caller.kind() == CsidKind.PRODUCTION;
        X509Certificate trusted = sdkCertificate ? null : ca.certificate();
        if (submission == Submission.COMPLIANCE || sdkCertificate) {
            return verifier.verify(xml, trusted, null);
        }
        return ledger.append(caller.unit(), document.icv(), invoiceHash,
                expected -> verifier.verify(xml, trusted, expected));
    }

    private static boolean sameVatNumber(IssuedCsid caller, SubmittedDocument document) {
        String certified = caller.identity().vatNumber();
        return certified != null && certified.equals(document.sellerVatNumber());
    }

    private Reply verdict(Submission submission, IssuedCsid caller, DocumentKind kind, String invoiceHash,
            List<ValidationMessage> messages, String invoiceBase64) {
        ValidationResults results = ValidationResults.of(
                only(messages, "INFO"), only(messages, "WARNING"), only(messages, "ERROR"));
        boolean accepted = results.errorMessages().isEmpty();
        if (accepted && submission == Submission.COMPLIANCE) {
            progress.passed(caller, kind);
        } else if (accepted) {
            acceptedHashes.accepted(invoiceHash);
        }
        boolean simplified = kind == null || kind.simplified();
        // ZATCA stamps the cleared document; the simulator returns the submitted bytes unchanged
        String cleared = accepted && submission == Submission.CLEARANCE ? invoiceBase64 : null;
        InvoiceResponse response = new InvoiceResponse(results,
                simplified ? (accepted ? InvoiceResponse.REPORTED : InvoiceResponse.NOT_REPORTED) : null,
                simplified ? null : (accepted ? InvoiceResponse.CLEARED : InvoiceResponse.NOT_CLEARED),
                cleared);
        int status = !accepted ? 400 : results.warningMessages().isEmpty() ? 200 : 202;
        return Reply.json(status, response);
    }

    /**
     * ZATCA's answers to a hash it accepted within 24 hours, as recorded: 409 on reporting (ZATCA forum, thread
     * "409 status code duplicate invoice error"), 208 with the cleared invoice on clearance
     * (lavaloon-eg/ksa_compliance issue 291). The simulator does not stamp, so the cleared invoice is the one
     * resent, which is the one cleared before.
     */
    private static Reply duplicate(Submission submission, String invoiceBase64) {
        if (submission == Submission.REPORTING) {
            return Reply.json(409, new InvoiceResponse(ValidationResults.of(List.of(), List.of(),
                    List.of(ValidationMessage.error("Invoice-Errors", InvoiceResponse.DUPLICATE_CATEGORY,
                            "Invoice was already reported successfully earlier."))),
                    InvoiceResponse.NOT_REPORTED, null, null));
        }
        return Reply.json(208, new InvoiceResponse(ValidationResults.of(List.of(), List.of(
                ValidationMessage.warning("Invoice-Warning", InvoiceResponse.DUPLICATE_CATEGORY,
                        "Invoice Hash Previously submitted.")), List.of()),
                null, InvoiceResponse.CLEARED, invoiceBase64));
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
