package sa.qayd.command.invoice;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import sa.qayd.api.Caller;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.invoice.AmendableInvoice;
import sa.qayd.api.invoice.DescribeAmendableInvoiceCommand;
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
    private final InvoiceRequestValidator validator;
    private final InvoiceNumbers numbers;
    private final Clock clock;

    private final InvoiceOutcomes outcomes;
    private final SubmissionSettings settings;
    private final Signals signals;

    InvoiceController(Commands commands, IssueCoalescer issuing, Clock clock, InvoiceNumbers numbers,
                      InvoiceOutcomes outcomes, SubmissionSettings settings, Signals signals) {
        this.commands = commands;
        this.issuing = issuing;
        this.validator = new InvoiceRequestValidator(clock);
        this.numbers = numbers;
        this.clock = clock;
        this.outcomes = outcomes;
        this.settings = settings;
        this.signals = signals;
    }

    /**
     * The issued document. {@code signed_xml} is base64 of the document to share: the signed one, or
     * for standard documents ZATCA's cleared one once cleared.
     */
    record InvoiceAnswer(UUID id, UUID egsUnitId, String kind, String documentType, String invoiceNumber, long icv,
                         UUID uuid, String invoiceHash, String qrCode, String status, InvoiceAmounts amounts,
                         List<ZatcaMessage> zatcaMessages, String signedXml, String pdfUrl, String signedXmlUrl,
                         Instant issuedAt) {
    }

    @PostMapping("/v1/invoices/simplified")
    ResponseEntity<InvoiceAnswer> simplified(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request)
            throws InterruptedException {
        return issue(caller, request, document(caller, request, DocumentType.INVOICE, InvoiceKind.SIMPLIFIED, false));
    }

    @PostMapping("/v1/invoices/standard")
    ResponseEntity<InvoiceAnswer> standard(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request)
            throws InterruptedException {
        return issue(caller, request, document(caller, request, DocumentType.INVOICE, InvoiceKind.STANDARD, false));
    }

    @PostMapping("/v1/invoices/credit")
    ResponseEntity<InvoiceAnswer> credit(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request)
            throws InterruptedException {
        return issue(caller, request, document(caller, request, DocumentType.CREDIT_NOTE, null, false));
    }

    @PostMapping("/v1/invoices/debit")
    ResponseEntity<InvoiceAnswer> debit(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request)
            throws InterruptedException {
        return issue(caller, request, document(caller, request, DocumentType.DEBIT_NOTE, null, false));
    }

    /** A prepayment invoice (386) for an advance; {@code invoice_type} says simplified or standard. */
    @PostMapping("/v1/invoices/prepayment")
    ResponseEntity<InvoiceAnswer> prepayment(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request)
            throws InterruptedException {
        return issue(caller, request, document(caller, request, DocumentType.PREPAYMENT_INVOICE, null, false));
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
        Document document = document(caller, request, type, null, true);
        InvoicePreview preview = commands.send(new PreviewInvoiceCommand(unit(caller, request), caller.accountId(),
                caller.keyEnvironment(), document.kind(), document.type(), document.draft()), ErrorCode.EGS_UNIT_NOT_FOUND);
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
        return new ValidationAnswer(failed == 0, document.kind().wireName(), document.type().wireName(), preview.egsUnitId(),
                preview.invoiceNumber(), preview.icv(), preview.uuid(), preview.previousInvoiceHash(), preview.invoiceHash(),
                preview.qrCode(), preview.amounts(), preview.signedXml(), "throwaway", THROWAWAY_NOTICE, failed,
                results.size() - failed, results);
    }

    /** A validated body: the kind (possibly inherited from the amended invoice), the document type and the draft. */
    private record Document(InvoiceKind kind, DocumentType type, InvoiceDraft draft) {
    }

    /**
     * Checks the body for a document of {@code type}; {@code pathKind} is the kind the endpoint
     * fixes (simplified or standard invoices), else {@code invoice_type} or the amended invoice says it.
     */
    private Document document(Caller caller, InvoiceRequest request, DocumentType type, InvoiceKind pathKind, boolean validating) {
        requireApiKey(caller);
        FieldErrors errors = new FieldErrors();
        if (!validating && request.documentType() != null) {
            errors.add("document_type", "is only for POST /v1/invoices/validate");
        }
        String what = "the " + type.wireName().replace('_', ' ');
        if (type.isNote()) {
            return note(caller, request, type, errors);
        }
        for (String noteOnly : new String[] {"original_invoice_id", "billing_reference", "reason"}) {
            if (noteField(request, noteOnly) != null) {
                errors.add(noteOnly, "is only for credit and debit notes (/v1/invoices/credit, /v1/invoices/debit)");
            }
        }
        InvoiceKind kind = pathKind;
        if (pathKind != null && request.invoiceType() != null) {
            errors.add("invoice_type", "is given by the path here; it is for notes, prepayment invoices and validation");
        } else if (pathKind == null) {
            kind = declaredKind(request, errors);
            if (request.invoiceType() == null) {
                errors.add("invoice_type", "is required: simplified or standard");
            }
        }
        InvoiceDraft draft = validator.validate(request, kind, type, errors);
        errors.throwIfAny(what + " is invalid");
        return new Document(kind, type, draft);
    }

    private Document note(Caller caller, InvoiceRequest request, DocumentType type, FieldErrors errors) {
        String what = "the " + type.wireName().replace('_', ' ');
        InvoiceKind declaredKind = declaredKind(request, errors);
        boolean hasOriginal = request.originalInvoiceId() != null;
        boolean hasReference = request.billingReference() != null && !request.billingReference().isBlank();
        if (hasOriginal == hasReference) {
            errors.add("original_invoice_id", "send exactly one of original_invoice_id (a Qayd invoice) or billing_reference (an invoice number issued elsewhere)");
        }
        if (hasReference) {
            errors.text("billing_reference", request.billingReference(), true, 5000);
            if (declaredKind == null && request.invoiceType() == null) {
                errors.add("invoice_type", "is required with billing_reference: simplified or standard");
            }
        }
        errors.text("reason", request.reason(), true, 1000);
        InvoiceDraft draft = validator.validate(request, hasOriginal ? null : declaredKind, type, errors);
        errors.throwIfAny(what + " is invalid");

        InvoiceKind kind = declaredKind;
        String billingReference = request.billingReference();
        if (hasOriginal) {
            AmendableInvoice original = commands.send(
                    new DescribeAmendableInvoiceCommand(request.originalInvoiceId(), caller), ErrorCode.ORIGINAL_INVOICE_NOT_FOUND);
            FieldErrors inherited = new FieldErrors();
            if (declaredKind != null && declaredKind != original.kind()) {
                inherited.add("invoice_type", "must match the original invoice, which is " + original.kind().wireName());
            }
            kind = original.kind();
            validator.checkKind(request, draft, kind, inherited);
            inherited.throwIfAny(what + " is invalid");
            billingReference = original.invoiceNumber();
        }
        return new Document(kind, type, draft.withAmendment(
                new InvoiceDraft.Amendment(request.originalInvoiceId(), billingReference, request.reason())));
    }

    private ResponseEntity<InvoiceAnswer> issue(Caller caller, InvoiceRequest request, Document document)
            throws InterruptedException {
        return issue(caller, request, document.kind(), document.type(), document.draft());
    }

    /** The body's {@code egs_unit_id}, else the API key's default unit, else EGS_UNIT_REQUIRED. */
    private static UUID unit(Caller caller, InvoiceRequest request) {
        return request.egsUnitId() != null
                ? request.egsUnitId()
                : caller.defaultEgsUnit().orElseThrow(() -> new QaydException(ErrorCode.EGS_UNIT_REQUIRED,
                        "No EGS unit given: set a default EGS unit on this API key (dashboard, or PATCH /v1/api-keys/"
                                + caller.apiKeyId() + " with default_egs_unit_id) or send egs_unit_id in the body."));
    }

    private ResponseEntity<InvoiceAnswer> issue(Caller caller, InvoiceRequest request, InvoiceKind kind, DocumentType type,
                                                InvoiceDraft draft) throws InterruptedException {
        UUID unitId = unit(caller, request);
        Optional<String> idempotent = IdempotentRequests.current();
        UUID invoiceId = idempotent.map(identity -> IdempotentRequests.id("invoice", identity)).orElseGet(UUID::randomUUID);
        if (idempotent.isPresent()) {
            // the retry of a first run that committed the document but died before it could answer
            Optional<InvoiceIssuedEvent> issuedBefore = outcomes.issued(invoiceId);
            if (issuedBefore.isPresent()) {
                return answer(InvoiceReceipt.of(issuedBefore.get()), issuedBefore.get().kind(),
                        issuedBefore.get().documentType(), outcomes.current(invoiceId));
            }
        }
        boolean cleared = kind == InvoiceKind.STANDARD;
        // registered before the document exists, so that a clearance faster than this thread is not missed
        try (Signals.Waiter settled = cleared ? signals.waiter(Topics.INVOICE_SETTLED, invoiceId.toString()) : null) {
            InvoiceReceipt receipt = issuing.issue(unitId, List.of(new IssueInvoiceCommand(unitId, invoiceId,
                    caller.accountId(), caller.keyEnvironment(), kind, type, draft))).get(0).receiptOrThrow();
            InvoiceOutcomes.Outcome outcome = cleared
                    ? awaitClearance(invoiceId, settled)
                    : new InvoiceOutcomes.Outcome(InvoiceStatus.PENDING_REPORTING, null, List.of());
            return answer(receipt, kind, type, outcome);
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

    private static ResponseEntity<InvoiceAnswer> answer(InvoiceReceipt receipt, InvoiceKind kind, DocumentType type,
                                                        InvoiceOutcomes.Outcome outcome) {
        String shared = outcome.clearedXml() != null ? outcome.clearedXml() : receipt.signedXml();
        String self = "/v1/invoices/" + receipt.invoiceId();
        InvoiceAnswer answer = new InvoiceAnswer(receipt.invoiceId(), receipt.egsUnitId(), kind.wireName(), type.wireName(),
                receipt.invoiceNumber(), receipt.icv(), receipt.uuid(), receipt.invoiceHash(), receipt.qrCode(),
                outcome.status().wireName(), receipt.amounts(), outcome.zatcaMessages(), shared, self + "/pdf",
                self + "/xml", receipt.issuedAt());
        boolean pendingClearance = outcome.status() == InvoiceStatus.PENDING_CLEARANCE;
        return ResponseEntity.status(pendingClearance ? HttpStatus.ACCEPTED : HttpStatus.CREATED).location(URI.create(self))
                .body(answer);
    }

    private static InvoiceKind declaredKind(InvoiceRequest request, FieldErrors errors) {
        if (request.invoiceType() == null) {
            return null;
        }
        try {
            return InvoiceKind.valueOf(request.invoiceType().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("invoice_type", "must be simplified or standard");
            return null;
        }
    }

    private static Object noteField(InvoiceRequest request, String field) {
        return switch (field) {
            case "original_invoice_id" -> request.originalInvoiceId();
            case "billing_reference" -> request.billingReference();
            default -> request.reason();
        };
    }

    private static void requireApiKey(Caller caller) {
        if (!caller.isApiKey()) {
            throw new QaydException(ErrorCode.FORBIDDEN, "documents are submitted with an API key (Authorization: Bearer qk_…)");
        }
    }
}
