package sa.qayd.command.invoice;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import sa.qayd.api.Caller;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceReceipt;
import sa.qayd.api.invoice.IssueInvoiceCommand;
import sa.qayd.api.invoice.OriginalInvoice;
import sa.qayd.api.invoice.OriginalInvoiceQuery;
import sa.qayd.command.web.FieldErrors;

/**
 * A document request as the API takes it, checked and turned into the unit's command, and the issued
 * document as the API answers it: the same for the single-document endpoints, their validation twin
 * and the batch. The EGS unit is resolved the same way everywhere: the body's {@code egs_unit_id},
 * else the API key's default unit, else {@code EGS_UNIT_REQUIRED}.
 */
@Component
public class InvoiceRequests {
    private final QueryGateway queries;
    private final InvoiceRequestValidator validator;

    InvoiceRequests(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.validator = new InvoiceRequestValidator(clock);
    }

    /**
     * The command for a request to one of the document endpoints, with a new invoice id: {@code kind}
     * is the kind the endpoint fixes (simplified or standard invoices), else {@code invoice_type} or
     * the amended invoice says it. Throws the refusal of a request that is not a valid document.
     */
    public IssueInvoiceCommand prepare(Caller caller, InvoiceRequest request, DocumentType type, InvoiceKind kind) {
        Document document = document(caller, request, type, kind, false);
        UUID unitId = unit(caller, request);
        return new IssueInvoiceCommand(unitId, UUID.randomUUID(), caller.accountId(), caller.keyEnvironment(),
                document.kind(), document.type(), document.draft(), caller.apiKeyId(), document.original());
    }

    /**
     * A validated body: the kind it names (null for a note that takes its original's), the document type,
     * the draft, and what Qayd knows of a note's original.
     */
    record Document(InvoiceKind kind, DocumentType type, InvoiceDraft draft, OriginalInvoice original) {
    }

    /**
     * Checks the body for a document of {@code type}; {@code pathKind} is the kind the endpoint
     * fixes (simplified or standard invoices), else {@code invoice_type} or the amended invoice says it.
     */
    Document document(Caller caller, InvoiceRequest request, DocumentType type, InvoiceKind pathKind, boolean validating) {
        requireApiKey(caller);
        FieldErrors errors = new FieldErrors();
        if (!validating && request.documentType() != null) {
            errors.add("document_type", "is only for POST /v1/invoices/validate");
        }
        String what = "the " + type.wireName().replace('_', ' ');
        if (type.isNote()) {
            return note(request, type, errors);
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
        return new Document(kind, type, draft, null);
    }

    private Document note(InvoiceRequest request, DocumentType type, FieldErrors errors) {
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

        // the unit decides what the original means for the note (its kind, its number, whose it is)
        OriginalInvoice original = hasOriginal
                ? queries.query(new OriginalInvoiceQuery(request.originalInvoiceId()),
                        ResponseTypes.optionalInstanceOf(OriginalInvoice.class)).join().orElse(null)
                : null;
        return new Document(declaredKind, type, draft.withAmendment(
                new InvoiceDraft.Amendment(request.originalInvoiceId(), request.billingReference(), request.reason())), original);
    }

    /** The body's {@code egs_unit_id}, else the API key's default unit, else EGS_UNIT_REQUIRED. */
    public static UUID unit(Caller caller, InvoiceRequest request) {
        return request.egsUnitId() != null
                ? request.egsUnitId()
                : caller.defaultEgsUnit().orElseThrow(() -> new QaydException(ErrorCode.EGS_UNIT_REQUIRED,
                        "No EGS unit given: set a default EGS unit on this API key (dashboard, or PATCH /v1/api-keys/"
                                + caller.apiKeyId() + " with default_egs_unit_id) or send egs_unit_id in the body."));
    }

    /** The answer for a document just issued, pending clearance or reporting. */
    public static InvoiceAnswer answer(InvoiceReceipt receipt, IssueInvoiceCommand command) {
        return answer(receipt, command.documentType(), InvoiceOutcomes.Outcome.pending(receipt.kind()));
    }

    /** The answer for an issued document; {@code outcome} is what ZATCA made of it so far. */
    static InvoiceAnswer answer(InvoiceReceipt receipt, DocumentType type, InvoiceOutcomes.Outcome outcome) {
        String shared = outcome.clearedXml() != null ? outcome.clearedXml() : receipt.signedXml();
        String self = "/v1/invoices/" + receipt.invoiceId();
        return new InvoiceAnswer(receipt.invoiceId(), receipt.egsUnitId(), receipt.kind().wireName(), type.wireName(),
                receipt.invoiceNumber(), receipt.icv(), receipt.uuid(), receipt.invoiceHash(), receipt.qrCode(),
                outcome.status().wireName(), receipt.amounts(), outcome.zatcaMessages(), shared, self + "/pdf",
                self + "/xml", receipt.issuedAt());
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
