package sa.qayd.command.invoice;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sa.qayd.api.Caller;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.api.invoice.AmendableInvoice;
import sa.qayd.api.invoice.DescribeAmendableInvoiceCommand;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceReceipt;
import sa.qayd.api.invoice.IssueInvoiceCommand;
import sa.qayd.command.web.Commands;
import sa.qayd.command.web.FieldErrors;

/**
 * The four document endpoints. Each resolves the EGS unit the same way: the body's
 * {@code egs_unit_id}, else the API key's default unit, else {@code EGS_UNIT_REQUIRED}.
 */
@RestController
class InvoiceController {
    private final Commands commands;
    private final InvoiceRequestValidator validator;

    InvoiceController(Commands commands, Clock clock) {
        this.commands = commands;
        this.validator = new InvoiceRequestValidator(clock);
    }

    record InvoiceAccepted(UUID id, UUID egsUnitId, String kind, String documentType, String invoiceNumber,
                           long sequenceNumber, String status) {
    }

    @PostMapping("/v1/invoices/simplified")
    @ResponseStatus(HttpStatus.ACCEPTED)
    InvoiceAccepted simplified(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request) {
        return issueInvoice(caller, request, InvoiceKind.SIMPLIFIED);
    }

    @PostMapping("/v1/invoices/standard")
    @ResponseStatus(HttpStatus.ACCEPTED)
    InvoiceAccepted standard(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request) {
        return issueInvoice(caller, request, InvoiceKind.STANDARD);
    }

    @PostMapping("/v1/invoices/credit")
    @ResponseStatus(HttpStatus.ACCEPTED)
    InvoiceAccepted credit(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request) {
        return issueNote(caller, request, DocumentType.CREDIT_NOTE);
    }

    @PostMapping("/v1/invoices/debit")
    @ResponseStatus(HttpStatus.ACCEPTED)
    InvoiceAccepted debit(@AuthenticationPrincipal Caller caller, @RequestBody InvoiceRequest request) {
        return issueNote(caller, request, DocumentType.DEBIT_NOTE);
    }

    private InvoiceAccepted issueInvoice(Caller caller, InvoiceRequest request, InvoiceKind kind) {
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

    private InvoiceAccepted issueNote(Caller caller, InvoiceRequest request, DocumentType type) {
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
        InvoiceDraft amending = new InvoiceDraft(draft.invoiceNumber(), draft.issueDate(), draft.issueTime(),
                draft.currency(), draft.buyer(), draft.lines(), draft.paymentMeansCode(), draft.note(),
                new InvoiceDraft.Amendment(request.originalInvoiceId(), billingReference.trim(), request.reason().trim()));
        return issue(caller, request, kind, type, amending);
    }

    private InvoiceAccepted issue(Caller caller, InvoiceRequest request, InvoiceKind kind, DocumentType type, InvoiceDraft draft) {
        UUID unitId = request.egsUnitId() != null
                ? request.egsUnitId()
                : caller.defaultEgsUnit().orElseThrow(() -> new QaydException(ErrorCode.EGS_UNIT_REQUIRED,
                        "No EGS unit given: set a default EGS unit on this API key (dashboard, or PATCH /v1/api-keys/"
                                + caller.apiKeyId() + " with default_egs_unit_id) or send egs_unit_id in the body."));
        InvoiceReceipt receipt = commands.send(new IssueInvoiceCommand(unitId, UUID.randomUUID(), caller.accountId(),
                caller.keyEnvironment(), kind, type, draft), ErrorCode.EGS_UNIT_NOT_FOUND);
        return new InvoiceAccepted(receipt.invoiceId(), receipt.egsUnitId(), kind.wireName(), type.wireName(),
                receipt.invoiceNumber(), receipt.sequenceNumber(), "received");
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
