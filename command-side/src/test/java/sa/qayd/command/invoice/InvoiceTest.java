package sa.qayd.command.invoice;

import static sa.qayd.command.Fixtures.refusal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.invoice.AmendableInvoice;
import sa.qayd.api.invoice.DescribeAmendableInvoiceCommand;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceLineDraft;
import sa.qayd.api.invoice.InvoiceAmounts;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceReportedEvent;
import sa.qayd.api.invoice.InvoiceReportingDeadlineNearEvent;
import sa.qayd.api.invoice.InvoiceSubmissionDelayedEvent;
import sa.qayd.api.invoice.RecordSubmissionDelayCommand;
import sa.qayd.api.invoice.WarnReportingDeadlineNearCommand;
import sa.qayd.api.invoice.VatCategory;

class InvoiceTest {
    private final AggregateTestFixture<Invoice> fixture = new AggregateTestFixture<>(Invoice.class);
    private final UUID invoiceId = UUID.randomUUID();
    private final UUID unitId = UUID.randomUUID();
    private final UUID accountId = UUID.randomUUID();
    private final LocalDate issued = LocalDate.of(2026, 3, 1);

    private InvoiceIssuedEvent received(DocumentType type) {
        return issued(InvoiceKind.STANDARD, type);
    }

    private InvoiceIssuedEvent issued(InvoiceKind kind, DocumentType type) {
        InvoiceDraft draft = new InvoiceDraft("INV-7", issued, LocalTime.NOON, "SAR", null,
                List.of(new InvoiceLineDraft("Tea", BigDecimal.ONE, BigDecimal.TEN, VatCategory.S, new BigDecimal("15"), null, null)),
                "10", null, type.isNote() ? new InvoiceDraft.Amendment(null, "INV-1", "Returned") : null);
        InvoiceAmounts amounts = new InvoiceAmounts("SAR", BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.TEN,
                new BigDecimal("1.50"), new BigDecimal("11.50"), new BigDecimal("11.50"));
        return new InvoiceIssuedEvent(invoiceId, unitId, accountId, Environment.SANDBOX, kind, type, "INV-7", UUID.randomUUID(),
                7, "cHJldmlvdXM=", "aGFzaA==", "cXI=", "PHhtbC8+", amounts, draft, Instant.now());
    }

    private Caller sandboxKey(UUID account) {
        return Caller.apiKey(account, UUID.randomUUID(), Environment.SANDBOX, null);
    }

    @Test
    void anInvoiceTellsItsOwnerWhatANoteMustReference() {
        fixture.given(received(DocumentType.INVOICE))
                .when(new DescribeAmendableInvoiceCommand(invoiceId, sandboxKey(accountId)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new AmendableInvoice(invoiceId, unitId, InvoiceKind.STANDARD, "INV-7", issued))
                .expectNoEvents();
    }

    @Test
    void anotherTenantCannotAmendIt() {
        fixture.given(received(DocumentType.INVOICE))
                .when(new DescribeAmendableInvoiceCommand(invoiceId, sandboxKey(UUID.randomUUID())))
                .expectException(refusal(ErrorCode.ORIGINAL_INVOICE_NOT_FOUND));
    }

    @Test
    void theOtherEnvironmentCannotAmendIt() {
        fixture.given(received(DocumentType.INVOICE))
                .when(new DescribeAmendableInvoiceCommand(invoiceId,
                        Caller.apiKey(accountId, UUID.randomUUID(), Environment.PRODUCTION, null)))
                .expectException(refusal(ErrorCode.ENVIRONMENT_MISMATCH));
    }

    @Test
    void aNoteCannotBeAmendedByAnotherNote() {
        fixture.given(received(DocumentType.CREDIT_NOTE))
                .when(new DescribeAmendableInvoiceCommand(invoiceId, sandboxKey(accountId)))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void anOutageIsRecordedOnlyWhileTheDocumentIsPending() {
        Instant next = Instant.now().plusSeconds(60);
        fixture.given(issued(InvoiceKind.SIMPLIFIED, DocumentType.INVOICE))
                .when(new RecordSubmissionDelayCommand(invoiceId, 1, "HTTP 503", next))
                .expectEvents(new InvoiceSubmissionDelayedEvent(invoiceId, accountId, 1, "HTTP 503", next));
        fixture.given(issued(InvoiceKind.SIMPLIFIED, DocumentType.INVOICE),
                        new InvoiceReportedEvent(invoiceId, accountId, List.of(), Instant.now()))
                .when(new RecordSubmissionDelayCommand(invoiceId, 2, "HTTP 503", next))
                .expectNoEvents();
    }

    @Test
    void theReportingDeadlineWarningConcernsUnreportedSimplifiedDocumentsOnly() {
        Instant deadline = Instant.now().plusSeconds(3600);
        fixture.given(issued(InvoiceKind.SIMPLIFIED, DocumentType.INVOICE))
                .when(new WarnReportingDeadlineNearCommand(invoiceId, deadline))
                .expectEvents(new InvoiceReportingDeadlineNearEvent(invoiceId, accountId, deadline));
        fixture.given(issued(InvoiceKind.STANDARD, DocumentType.INVOICE))
                .when(new WarnReportingDeadlineNearCommand(invoiceId, deadline))
                .expectNoEvents();
    }
}
