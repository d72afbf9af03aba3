package sa.qayd.command.invoice;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.RestController;
import sa.qayd.api.Caller;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceAmounts;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoicePreview;
import sa.qayd.api.invoice.InvoiceReceipt;
import sa.qayd.api.invoice.InvoiceStatus;
import sa.qayd.api.invoice.IssueInvoiceCommand;
import sa.qayd.api.invoice.PreviewInvoiceCommand;
import sa.qayd.command.web.Commands;
import sa.qayd.command.web.IdempotentRequests;
import sa.qayd.platform.signal.Signals;
import sa.qayd.platform.signal.Topics;
import sa.qayd.command.web.FieldErrors;
import sa.qayd.zatca.rules.ZatcaRules;
import sa.qayd.zatca.verify.InvoiceVerifier;

/**
 * The document endpoints and their validation twin. Each resolves the EGS unit the same way: the
 * body's {@code egs_unit_id}, else the API key's default unit, else {@code EGS_UNIT_REQUIRED}.
 */
@RestController
class InvoiceController {
    private static final String ERROR = "error";
    private static final String WARNING = "warning";
    private static final String QAYD = "QAYD";
    static final String THROWAWAY_NOTICE = "Signed with a throwaway key and a self-signed certificate made for validation,"
            + " not with the unit's: the content, invoice number, ICV and PIH are what Qayd would issue now; the signature,"
            + " the certificate and QR tags 7 to 9 prove nothing. Nothing was numbered, stored or sent to ZATCA.";

    private final Commands commands;
    private final IssueCoalescer issuing;
    private final InvoiceRequests requests;
    private final InvoiceNumbers numbers;
    private final Clock clock;

    private final InvoiceOutcomes outcomes;
    private final SubmissionSettings settings;
    private final Signals signals;

    InvoiceController(Commands commands, InvoiceRequests requests, IssueCoalescer issuing, Clock clock, InvoiceNumbers numbers,
                      InvoiceOutcomes outcomes, SubmissionSettings settings, Signals signals) {
        this.commands = commands;
        this.issuing = issuing;
        this.requests = requests;
        this.numbers = numbers;
        this.clock = clock;
        this.outcomes = outcomes;
        this.settings = settings;
        this.signals = signals;
    }

    private static final String ISSUED = "Issued: signed, with QR code; for a standard document, cleared by ZATCA";
    private static final String PENDING_CLEARANCE = "Issued and signed; ZATCA has not cleared it yet "
            + "(status pending_clearance): follow GET /v1/invoices/{id} or the invoice.cleared webhook";
    private static final String SIMPLIFIED_EXAMPLE = """
            {"lines": [{"name": "Arabic coffee 250 g", "quantity": 2, "unit_price": "35.50", "vat_category": "S",
                        "vat_rate": 15}]}""";
    private static final String STANDARD_EXAMPLE = """
            {"buyer": {"name": "Buyer Co", "vat_number": "399999999800003",
                       "address": {"street": "Prince Sultan St", "building_number": "2322", "district": "Al Murabba",
                                   "city": "Riyadh", "postal_code": "23333", "country": "SA"}},
             "lines": [{"name": "Consulting", "quantity": 3, "unit_price": "500.00", "vat_category": "S",
                        "vat_rate": 15}]}""";

    @Operation(summary = "Issue a simplified (B2C) invoice",
            description = "Numbered, chained, signed and answered at once with the signed XML and QR code (status "
                    + "pending_reporting); reported to ZATCA in the background within seconds.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "two lines", value = SIMPLIFIED_EXAMPLE)))
    @ApiResponse(responseCode = "201", description = ISSUED)
    @PostMapping("/v1/invoices/simplified")
    ResponseEntity<InvoiceAnswer> simplified(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request)
            throws InterruptedException {
        return issue(caller, request, requests.document(caller, request, DocumentType.INVOICE, InvoiceKind.SIMPLIFIED, false));
    }

    @Operation(summary = "Issue a standard (B2B) invoice",
            description = "Cleared by ZATCA before the answer when it answers within qayd.submission.clearance-wait"
                    + " (201, status cleared, ZATCA's cleared XML), else 202 with status pending_clearance.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "with a buyer", value = STANDARD_EXAMPLE)))
    @ApiResponse(responseCode = "201", description = ISSUED)
    @ApiResponse(responseCode = "202", description = PENDING_CLEARANCE)
    @PostMapping("/v1/invoices/standard")
    ResponseEntity<InvoiceAnswer> standard(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request)
            throws InterruptedException {
        return issue(caller, request, requests.document(caller, request, DocumentType.INVOICE, InvoiceKind.STANDARD, false));
    }

    @Operation(summary = "Issue a credit note",
            description = "Needs reason and either original_invoice_id (a Qayd invoice, whose type it inherits) or "
                    + "billing_reference with invoice_type.")
    @ApiResponse(responseCode = "201", description = ISSUED)
    @ApiResponse(responseCode = "202", description = PENDING_CLEARANCE)
    @PostMapping("/v1/invoices/credit")
    ResponseEntity<InvoiceAnswer> credit(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request)
            throws InterruptedException {
        return issue(caller, request, requests.document(caller, request, DocumentType.CREDIT_NOTE, null, false));
    }

    @Operation(summary = "Issue a debit note", description = "As a credit note.")
    @ApiResponse(responseCode = "201", description = ISSUED)
    @ApiResponse(responseCode = "202", description = PENDING_CLEARANCE)
    @PostMapping("/v1/invoices/debit")
    ResponseEntity<InvoiceAnswer> debit(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request)
            throws InterruptedException {
        return issue(caller, request, requests.document(caller, request, DocumentType.DEBIT_NOTE, null, false));
    }

    /** A prepayment invoice (386) for an advance; {@code invoice_type} says simplified or standard. */
    @Operation(summary = "Issue a prepayment invoice (386)", description = "invoice_type says simplified or standard.")
    @ApiResponse(responseCode = "201", description = ISSUED)
    @ApiResponse(responseCode = "202", description = PENDING_CLEARANCE)
    @PostMapping("/v1/invoices/prepayment")
    ResponseEntity<InvoiceAnswer> prepayment(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request)
            throws InterruptedException {
        return issue(caller, request, requests.document(caller, request, DocumentType.PREPAYMENT_INVOICE, null, false));
    }

    /** One result of ZATCA's rules (XSD, EN16931, KSA) or of Qayd's own checks (QAYD). */
    record RuleResult(String source, String rule, String severity, String message) {
    }

    /**
     * What {@code POST /v1/invoices/validate} answers: the document Qayd would sign for the body and
     * every rule result. {@code xml} is base64 of that document signed with a throwaway key.
     */
    record ValidationAnswer(boolean valid, String kind, String documentType, UUID egsUnitId, String invoiceNumber, long icv,
                            UUID uuid, String previousInvoiceHash, String invoiceHash, String qrCode, InvoiceAmounts amounts,
                            String xml, String signature, String notice, int errors, int warnings, List<RuleResult> results) {
    }

    /**
     * The same body as the issuing endpoints, with {@code document_type} (invoice by default,
     * credit_note, debit_note, prepayment_invoice) and {@code invoice_type} (simplified or standard,
     * unless a note inherits it from original_invoice_id). Takes no ICV, stores nothing, sends nothing.
     */
    @Operation(summary = "Validate an invoice body without issuing it",
            description = "The document Qayd would sign now (signed with a throwaway key) and every XSD, EN 16931, "
                    + "KSA and Qayd rule result. Takes no ICV, stores nothing, sends nothing to ZATCA.")
    @PostMapping("/v1/invoices/validate")
    ValidationAnswer validate(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request) {
        FieldErrors errors = new FieldErrors();
        DocumentType type = DocumentType.INVOICE;
        if (request.documentType() != null) {
            type = Arrays.stream(DocumentType.values()).filter(t -> t.wireName().equals(request.documentType())).findFirst()
                    .orElse(null);
            if (type == null) {
                errors.add("document_type", "must be invoice, credit_note, debit_note or prepayment_invoice");
                errors.throwIfAny("the document to validate is invalid");
            }
        }
        InvoiceRequests.Document document = requests.document(caller, request, type, null, true);
        InvoicePreview preview = commands.send(new PreviewInvoiceCommand(InvoiceRequests.unit(caller, request), caller.accountId(),
                caller.keyEnvironment(), document.kind(), document.type(), document.draft(), document.original()),
                ErrorCode.EGS_UNIT_NOT_FOUND);
        byte[] xml = Base64.getDecoder().decode(preview.signedXml());
        List<RuleResult> results = new ArrayList<>();
        // compiled on first use (a few seconds), judged by this service's clock in Riyadh time
        ZatcaRules.get().withClock(clock).validate(xml).findings().forEach(finding -> results.add(new RuleResult(finding.source(), finding.id(),
                finding.error() ? ERROR : WARNING, finding.text())));
        InvoiceVerifier.verify(xml).problems().forEach(problem -> results.add(new RuleResult(QAYD,
                problem.code().name(), ERROR, problem.detail())));
        numbers.holder(caller.accountId(), caller.keyEnvironment(), preview.invoiceNumber()).ifPresent(holder -> results.add(
                new RuleResult(QAYD, ErrorCode.INVOICE_NUMBER_TAKEN.name(), ERROR, "invoice number " + preview.invoiceNumber()
                        + " is already used by invoice " + holder + "; issuing this body would be refused")));
        int failed = (int) results.stream().filter(result -> ERROR.equals(result.severity())).count();
        return new ValidationAnswer(failed == 0, preview.kind().wireName(), document.type().wireName(), preview.egsUnitId(),
                preview.invoiceNumber(), preview.icv(), preview.uuid(), preview.previousInvoiceHash(), preview.invoiceHash(),
                preview.qrCode(), preview.amounts(), preview.signedXml(), "throwaway", THROWAWAY_NOTICE, failed,
                results.size() - failed, results);
    }

    private ResponseEntity<InvoiceAnswer> issue(Caller caller, InvoiceRequest request, InvoiceRequests.Document document)
            throws InterruptedException {
        UUID unitId = InvoiceRequests.unit(caller, request);
        Optional<String> idempotent = IdempotentRequests.current();
        UUID invoiceId = idempotent.map(identity -> IdempotentRequests.id("invoice", identity)).orElseGet(UUID::randomUUID);
        if (idempotent.isPresent()) {
            // the retry of a first run that committed the document but died before it could answer
            Optional<InvoiceIssuedEvent> issuedBefore = outcomes.issued(invoiceId);
            if (issuedBefore.isPresent()) {
                return answer(InvoiceReceipt.of(issuedBefore.get()), issuedBefore.get().documentType(),
                        outcomes.current(invoiceId));
            }
        }
        // a note that names its original takes the original's kind, known once the unit has decided
        boolean mayClear = document.kind() != InvoiceKind.SIMPLIFIED;
        // registered before the document exists, so that a clearance faster than this thread is not missed
        try (Signals.Waiter settled = mayClear ? signals.waiter(Topics.INVOICE_SETTLED, invoiceId.toString()) : null) {
            InvoiceReceipt receipt = issuing.issue(unitId, List.of(new IssueInvoiceCommand(unitId, invoiceId,
                    caller.accountId(), caller.keyEnvironment(), document.kind(), document.type(), document.draft(),
                    caller.apiKeyId(), document.original()))).get(0).receiptOrThrow();
            InvoiceOutcomes.Outcome outcome = receipt.kind() == InvoiceKind.STANDARD
                    ? awaitClearance(invoiceId, settled)
                    : InvoiceOutcomes.Outcome.pending(receipt.kind());
            return answer(receipt, document.type(), outcome);
        }
    }

    /** ZATCA's clearance if it comes within {@code qayd.submission.clearance-wait}, else the pending document. */
    private InvoiceOutcomes.Outcome awaitClearance(UUID invoiceId, Signals.Waiter settled) throws InterruptedException {
        InvoiceOutcomes.Outcome outcome = outcomes.current(invoiceId);
        if (outcome.status().isFinal()) {
            return outcome;
        }
        settled.await(settings.clearanceWait());
        return outcomes.current(invoiceId);
    }

    private static ResponseEntity<InvoiceAnswer> answer(InvoiceReceipt receipt, DocumentType type,
                                                        InvoiceOutcomes.Outcome outcome) {
        boolean pendingClearance = outcome.status() == InvoiceStatus.PENDING_CLEARANCE;
        return ResponseEntity.status(pendingClearance ? HttpStatus.ACCEPTED : HttpStatus.CREATED)
                .location(URI.create("/v1/invoices/" + receipt.invoiceId()))
                .body(InvoiceRequests.answer(receipt, type, outcome));
    }
}
