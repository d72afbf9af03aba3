package sa.qayd.command.invoice;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceReceipt;
import sa.qayd.api.invoice.InvoiceStatus;
import sa.qayd.api.invoice.IssueInvoiceCommand;
import sa.qayd.command.web.Commands;
import sa.qayd.platform.signal.Signals;
import sa.qayd.platform.signal.Topics;
import sa.qayd.command.web.FieldErrors;

/**
 * The four document endpoints. Each resolves the EGS unit the same way: the body's
 * {@code egs_unit_id}, else the API key's default unit, else {@code EGS_UNIT_REQUIRED}.
 */
@RestController
class InvoiceController {
    private final Commands commands;
    private final InvoiceRequestValidator validator;

    private final InvoiceOutcomes outcomes;
    private final SubmissionSettings settings;
    private final Signals signals;

    InvoiceController(Commands commands, Clock clock, InvoiceOutcomes outcomes, SubmissionSettings settings,
                      Signals signals) {
        this.commands = commands;
        this.validator = new InvoiceRequestValidator(clock);
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
        return issueInvoice(caller, request, InvoiceKind.SIMPLIFIED);
    }

    @PostMapping("/v1/invoices/standard")
    ResponseEntity<InvoiceAnswer> standard(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request)
            throws InterruptedException {
        return issueInvoice(caller, request, InvoiceKind.STANDARD);
    }

    @PostMapping("/v1/invoices/credit")
    ResponseEntity<InvoiceAnswer> credit(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request)
            throws InterruptedException {
        return issueNote(caller, request, DocumentType.CREDIT_NOTE);
    }

    @PostMapping("/v1/invoices/debit")
    ResponseEntity<InvoiceAnswer> debit(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request)
            throws InterruptedException {
        return issueNote(caller, request, DocumentType.DEBIT_NOTE);
    }

    private ResponseEntity<InvoiceAnswer> issueInvoice(Caller caller, InvoiceRequest request, InvoiceKind kind)
            throws InterruptedException {
        requireApiKey(caller);
        FieldErrors errors = new FieldErrors();
        for (String noteOnly : new String[] {"invoice_type", "original_invoice_id", "billing_reference", "reason"}) {
            if (noteField(request, noteOnly) != null) {
                errors.add(noteOnly, "is only for credit and debit notes (/v1/invoices/credit, /v1/invoices/debit)");
            }
        }
        InvoiceDraft draft = validator.validate(request, kind, DocumentType.INVOICE, errors);
        errors.throwIfAny("the invoice is invalid");
        return issue(caller, request, kind, DocumentType.INVOICE, draft);
    }

    private ResponseEntity<InvoiceAnswer> issueNote(Caller caller, InvoiceRequest request, DocumentType type)
            throws InterruptedException {
        requireApiKey(caller);
        FieldErrors errors = new FieldErrors();
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
        errors.throwIfAny("the " + type.wireName().replace('_', ' ') + " is invalid");

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
            if (kind == InvoiceKind.STANDARD) {
                validator.requireStandardBuyer(request.buyer(), inherited);
            }
            inherited.throwIfAny("the " + type.wireName().replace('_', ' ') + " is invalid");
            billingReference = original.invoiceNumber();
        }
        InvoiceDraft amending = draft.withAmendment(
                new InvoiceDraft.Amendment(request.originalInvoiceId(), billingReference.trim(), request.reason().trim()));
        return issue(caller, request, kind, type, amending);
    }

    private ResponseEntity<InvoiceAnswer> issue(Caller caller, InvoiceRequest request, InvoiceKind kind, DocumentType type,
                                                InvoiceDraft draft) throws InterruptedException {
        UUID unitId = request.egsUnitId() != null
                ? request.egsUnitId()
                : caller.defaultEgsUnit().orElseThrow(() -> new QaydException(ErrorCode.EGS_UNIT_REQUIRED,
                        "No EGS unit given: set a default EGS unit on this API key (dashboard, or PATCH /v1/api-keys/"
                                + caller.apiKeyId() + " with default_egs_unit_id) or send egs_unit_id in the body."));
        UUID invoiceId = UUID.randomUUID();
        boolean cleared = kind == InvoiceKind.STANDARD;
        // registered before the document exists, so that a clearance faster than this thread is not missed
        try (Signals.Waiter settled = cleared ? signals.waiter(Topics.INVOICE_SETTLED, invoiceId.toString()) : null) {
            InvoiceReceipt receipt = commands.send(new IssueInvoiceCommand(unitId, invoiceId, caller.accountId(),
                    caller.keyEnvironment(), kind, type, draft), ErrorCode.EGS_UNIT_NOT_FOUND);
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
            return InvoiceKind.valueOf(request.invoiceType().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("invoice_type", "must be simplified or standard");
            return null;
        }
    }

    private static Object noteField(InvoiceRequest request, String field) {
        return switch (field) {
            case "invoice_type" -> request.invoiceType();
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
