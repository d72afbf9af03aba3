package sa.qayd.command.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.FieldError;
import sa.qayd.api.QaydException;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceLineDraft;
import sa.qayd.api.invoice.OriginalInvoice;
import sa.qayd.api.invoice.VatCategory;

class DocumentRulesTest {
    private final UUID accountId = UUID.randomUUID();
    private final UUID originalId = UUID.randomUUID();
    private final OriginalInvoice original = new OriginalInvoice(originalId, accountId, Environment.SANDBOX,
            DocumentType.INVOICE, InvoiceKind.SIMPLIFIED, "INV-7");

    private InvoiceDraft note() {
        return new InvoiceDraft(null, LocalDate.of(2026, 3, 1), LocalTime.NOON, "SAR", null,
                List.of(new InvoiceLineDraft("Tea", BigDecimal.ONE, BigDecimal.TEN, VatCategory.S, new BigDecimal("15"), null, null)),
                "10", null, new InvoiceDraft.Amendment(originalId, null, "Returned"));
    }

    private DocumentRules.Decided decide(InvoiceKind declared, OriginalInvoice known) {
        return DocumentRules.decide(accountId, Environment.SANDBOX, declared, DocumentType.CREDIT_NOTE, note(), known, kind -> { });
    }

    private static ErrorCode code(Runnable decision) {
        try {
            decision.run();
        } catch (QaydException refused) {
            return refused.code();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aNoteTakesItsOriginalsKindAndRefersToItsNumber() {
        DocumentRules.Decided decided = decide(null, original);

        assertThat(decided.kind()).isEqualTo(InvoiceKind.SIMPLIFIED);
        assertThat(decided.draft().amendment()).isEqualTo(new InvoiceDraft.Amendment(originalId, "INV-7", "Returned"));
    }

    @Test
    void anOriginalOfAnotherTenantIsAsUnknownAsOneThatDoesNotExist() {
        OriginalInvoice others = new OriginalInvoice(originalId, UUID.randomUUID(), Environment.SANDBOX,
                DocumentType.INVOICE, InvoiceKind.SIMPLIFIED, "INV-7");

        assertThat(code(() -> decide(null, others))).isEqualTo(ErrorCode.ORIGINAL_INVOICE_NOT_FOUND);
        assertThat(code(() -> decide(null, null))).isEqualTo(ErrorCode.ORIGINAL_INVOICE_NOT_FOUND);
    }

    @Test
    void anOriginalOfTheOtherEnvironmentOrANoteCannotBeAmended() {
        OriginalInvoice production = new OriginalInvoice(originalId, accountId, Environment.PRODUCTION,
                DocumentType.INVOICE, InvoiceKind.SIMPLIFIED, "INV-7");
        OriginalInvoice aNote = new OriginalInvoice(originalId, accountId, Environment.SANDBOX,
                DocumentType.CREDIT_NOTE, InvoiceKind.SIMPLIFIED, "CN-1");

        assertThat(code(() -> decide(null, production))).isEqualTo(ErrorCode.ENVIRONMENT_MISMATCH);
        assertThat(code(() -> decide(null, aNote))).isEqualTo(ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void aDeclaredKindMustBeTheOriginalsAndTheOriginalsKindBringsItsRules() {
        assertThatThrownBy(() -> decide(InvoiceKind.STANDARD, original)).isInstanceOfSatisfying(QaydException.class,
                refused -> assertThat(refused.fieldErrors()).extracting(FieldError::field).contains("invoice_type"));

        OriginalInvoice standard = new OriginalInvoice(originalId, accountId, Environment.SANDBOX,
                DocumentType.INVOICE, InvoiceKind.STANDARD, "INV-7");
        assertThatThrownBy(() -> decide(null, standard)).isInstanceOfSatisfying(QaydException.class,
                refused -> assertThat(refused.fieldErrors()).extracting(FieldError::field).containsExactly("buyer"));
    }
}
