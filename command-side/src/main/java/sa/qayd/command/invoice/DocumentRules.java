package sa.qayd.command.invoice;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.FieldError;
import sa.qayd.api.QaydException;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.OriginalInvoice;
import sa.qayd.command.web.FieldErrors;

/**
 * What an EGS unit decides about a document before numbering it: the kind it is issued as (a note that
 * names a Qayd invoice as its original takes that invoice's kind, and refers to it by its number), and
 * the rules of that kind (a standard document names its buyer fully; exports and self-billing are
 * standard documents only).
 */
public final class DocumentRules {
    private DocumentRules() {
    }

    /** The document's kind and draft as the unit will issue them. */
    public record Decided(InvoiceKind kind, InvoiceDraft draft) {
    }

    /**
     * @param declared the kind the request names; null for a note that takes its original's
     * @param original what Qayd knows of the original the draft names, null if none or no such document
     * @param issues   refuses a kind the unit does not issue, before the kind's own rules are judged
     */
    public static Decided decide(UUID unitAccountId, Environment unitEnvironment, InvoiceKind declared, DocumentType type,
                                 InvoiceDraft draft, OriginalInvoice original, Consumer<InvoiceKind> issues) {
        InvoiceKind kind = declared;
        InvoiceDraft decided = draft;
        FieldErrors errors = new FieldErrors();
        InvoiceDraft.Amendment amendment = draft.amendment();
        UUID originalId = amendment == null ? null : amendment.originalInvoiceId();
        if (originalId != null) {
            if (original == null || !original.invoiceId().equals(originalId) || !original.accountId().equals(unitAccountId)) {
                throw new QaydException(ErrorCode.ORIGINAL_INVOICE_NOT_FOUND, "no invoice " + originalId + " in this account");
            }
            if (original.environment() != unitEnvironment) {
                throw new QaydException(ErrorCode.ENVIRONMENT_MISMATCH, "invoice " + originalId + " was issued in "
                        + original.environment().wireName() + "; a " + unitEnvironment.wireName() + " document cannot amend it");
            }
            if (original.documentType() != DocumentType.INVOICE) {
                throw new QaydException(ErrorCode.VALIDATION_FAILED, "only invoices can be amended, not a "
                        + original.documentType().wireName(), List.of(new FieldError("original_invoice_id", "refers to a "
                        + original.documentType().wireName() + ", not an invoice")));
            }
            if (declared != null && declared != original.kind()) {
                errors.add("invoice_type", "must match the original invoice, which is " + original.kind().wireName());
            }
            kind = original.kind();
            decided = draft.withAmendment(new InvoiceDraft.Amendment(originalId, original.invoiceNumber(), amendment.reason()));
        }
        if (kind == null) {
            errors.add("invoice_type", "is required: simplified or standard");
        } else {
            errors.throwIfAny("the " + type.wireName().replace('_', ' ') + " is invalid");
            issues.accept(kind);
            checkKind(decided, kind, errors);
        }
        errors.throwIfAny("the " + type.wireName().replace('_', ' ') + " is invalid");
        return new Decided(kind, decided);
    }

    /** The rules that depend on the kind: standard documents name their buyer fully; some flags are for standard documents only. */
    static void checkKind(InvoiceDraft draft, InvoiceKind kind, FieldErrors errors) {
        if (kind == InvoiceKind.STANDARD) {
            requireStandardBuyer(draft, errors);
        } else {
            if (draft.flags().export()) {
                errors.add("transaction.export", "only standard documents are exports (BR-KSA-31)");
            }
            if (draft.flags().selfBilled()) {
                errors.add("transaction.self_billed", "only standard documents are self-billed (BR-KSA-31)");
            }
            if (draft.flags().summary() && (draft.buyer() == null || draft.buyer().name() == null)) {
                errors.add("buyer.name", "is required for a simplified summary document (BR-KSA-71)");
            }
        }
    }

    /** Standard documents need a full buyer (BR-KSA-42, BR-KSA-10, BR-KSA-63) identified by VAT number or another id (BR-KSA-14/81). */
    private static void requireStandardBuyer(InvoiceDraft draft, FieldErrors errors) {
        var buyer = draft.buyer();
        if (buyer == null) {
            errors.add("buyer", "is required for standard documents");
            return;
        }
        if (buyer.name() == null) {
            errors.add("buyer.name", "is required for standard documents");
        }
        if (buyer.address() == null) {
            errors.add("buyer.address", "is required for standard documents");
        }
        if (buyer.vatNumber() == null && buyer.identification() == null) {
            errors.add("buyer.identification", "is required for standard documents when the buyer has no vat_number "
                    + "(BR-KSA-14/81), e.g. {\"scheme\": \"CRN\", \"value\": \"1010010000\"}");
        }
    }
}
