package sa.qayd.command.invoice;

import sa.qayd.command.caching.LatestState;
import static sa.qayd.command.Fixtures.refusal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceLineDraft;
import sa.qayd.api.invoice.InvoiceAmounts;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceReportedEvent;
import sa.qayd.api.invoice.InvoiceReportingDeadlineNearEvent;
import sa.qayd.api.invoice.InvoiceSubmissionDelayedEvent;
import sa.qayd.api.invoice.RecordSubmissionAnswerCommand;
import sa.qayd.api.invoice.SubmissionAnswer;
import sa.qayd.api.invoice.SubmissionAnswer.Channel;
import sa.qayd.api.invoice.SubmissionAnswer.Verdict;
import sa.qayd.api.invoice.InvoiceClearedEvent;
import sa.qayd.api.invoice.InvoiceFailedEvent;
import sa.qayd.api.invoice.InvoiceRejectedEvent;
import sa.qayd.api.invoice.InvoiceReportingOverdueEvent;
import sa.qayd.api.invoice.MarkReportingOverdueCommand;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.invoice.WarnReportingDeadlineNearCommand;
import sa.qayd.api.invoice.VatCategory;

class InvoiceTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant NEXT_ATTEMPT = NOW.plusSeconds(60);
    private static final List<ZatcaMessage> WARNINGS = List.of(
            new ZatcaMessage("WARNING", "BR-KSA-98", "KSA", "reported more than 24 hours after issue", "WARNING"));
    private static final List<ZatcaMessage> ERRORS = List.of(
            new ZatcaMessage("ERROR", "BR-KSA-F-01", "KSA", "issue date before 2000", "ERROR"));

    private final AggregateTestFixture<Invoice> fixture = new AggregateTestFixture<>(Invoice.class);

    @BeforeEach
    void injectTheInvoicesCollaborators() {
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new LatestState(fixture.getEventStore()));
    }
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
                7, "cHJldmlvdXM=", "aGFzaA==", "cXI=", "PHhtbC8+", amounts, draft, NOW, "key-1", UUID.randomUUID());
    }

    private static SubmissionAnswer answer(SubmissionAnswer.Channel channel, SubmissionAnswer.Verdict verdict, int status) {
        return new SubmissionAnswer(channel, verdict, status, channel == SubmissionAnswer.Channel.CLEARANCE ? "Y2xlYXJlZA==" : null,
                verdict == SubmissionAnswer.Verdict.REJECTED ? ERRORS : List.of(), WARNINGS, "reason " + status);
    }

    private RecordSubmissionAnswerCommand record(SubmissionAnswer answer) {
        return new RecordSubmissionAnswerCommand(invoiceId, answer, NEXT_ATTEMPT);
    }

    @Test
    void aClearedStandardDocumentIsSettledWithZatcasCopy() {
        fixture.given(issued(InvoiceKind.STANDARD, DocumentType.INVOICE))
                .when(record(answer(Channel.CLEARANCE, Verdict.ACCEPTED, 200)))
                .expectResultMessagePayload(true)
                .expectEvents(new InvoiceClearedEvent(invoiceId, accountId, "Y2xlYXJlZA==", WARNINGS, false, NOW));
    }

    @Test
    void zatcasDuplicateAnswersSettleTheDocumentAndSaySo() {
        fixture.given(issued(InvoiceKind.STANDARD, DocumentType.INVOICE))
                .when(record(answer(Channel.CLEARANCE, Verdict.ALREADY_ACCEPTED, 208)))
                .expectEvents(new InvoiceClearedEvent(invoiceId, accountId, "Y2xlYXJlZA==", WARNINGS, true, NOW));
        fixture.given(issued(InvoiceKind.SIMPLIFIED, DocumentType.INVOICE))
                .when(record(answer(Channel.REPORTING, Verdict.ALREADY_ACCEPTED, 409)))
                .expectResultMessagePayload(true)
                .expectEvents(new InvoiceReportedEvent(invoiceId, accountId, WARNINGS, true, NOW));
    }

    @Test
    void aStandardDocumentIsReportedWhileClearanceIsSwitchedOff() {
        fixture.given(issued(InvoiceKind.STANDARD, DocumentType.INVOICE))
                .when(record(answer(Channel.REPORTING, Verdict.ACCEPTED, 200)))
                .expectEvents(new InvoiceReportedEvent(invoiceId, accountId, WARNINGS, false, NOW));
    }

    @Test
    void aSimplifiedDocumentIsNeverCleared() {
        fixture.given(issued(InvoiceKind.SIMPLIFIED, DocumentType.INVOICE))
                .when(record(answer(Channel.CLEARANCE, Verdict.ACCEPTED, 200)))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void errorsInTheDocumentRejectIt() {
        fixture.given(issued(InvoiceKind.SIMPLIFIED, DocumentType.INVOICE))
                .when(record(answer(Channel.REPORTING, Verdict.REJECTED, 400)))
                .expectResultMessagePayload(true)
                .expectEvents(new InvoiceRejectedEvent(invoiceId, accountId, 400, ERRORS, WARNINGS, NOW));
    }

    @Test
    void aRefusalNoResendFixesFailsTheDocumentWithZatcasReason() {
        fixture.given(issued(InvoiceKind.SIMPLIFIED, DocumentType.INVOICE))
                .when(record(answer(Channel.REPORTING, Verdict.REFUSED, 413)))
                .expectResultMessagePayload(true)
                .expectEvents(new InvoiceFailedEvent(invoiceId, accountId, 413, "reason 413", List.of(), NOW));
    }

    @Test
    void onlyTheFirstDelayIsRecorded() {
        fixture.given(issued(InvoiceKind.SIMPLIFIED, DocumentType.INVOICE))
                .when(record(answer(Channel.REPORTING, Verdict.UNAVAILABLE, 0)))
                .expectResultMessagePayload(false)
                .expectEvents(new InvoiceSubmissionDelayedEvent(invoiceId, accountId, 1, "reason 0", NEXT_ATTEMPT));
        fixture.given(issued(InvoiceKind.SIMPLIFIED, DocumentType.INVOICE),
                        new InvoiceSubmissionDelayedEvent(invoiceId, accountId, 1, "reason 0", NEXT_ATTEMPT))
                .when(record(answer(Channel.REPORTING, Verdict.UNAVAILABLE, 0)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aSettledDocumentKeepsItsFirstAnswer() {
        fixture.given(issued(InvoiceKind.SIMPLIFIED, DocumentType.INVOICE),
                        new InvoiceReportedEvent(invoiceId, accountId, List.of(), false, NOW))
                .when(record(answer(Channel.REPORTING, Verdict.REJECTED, 400)))
                .expectResultMessagePayload(true)
                .expectNoEvents();
    }

    @Test
    void theReportingDeadlineWarningConcernsUnreportedSimplifiedDocumentsOnly() {
        Instant deadline = NOW.plusSeconds(3600);
        fixture.given(issued(InvoiceKind.SIMPLIFIED, DocumentType.INVOICE))
                .when(new WarnReportingDeadlineNearCommand(invoiceId, deadline))
                .expectEvents(new InvoiceReportingDeadlineNearEvent(invoiceId, accountId, deadline));
        fixture.given(issued(InvoiceKind.STANDARD, DocumentType.INVOICE))
                .when(new WarnReportingDeadlineNearCommand(invoiceId, deadline))
                .expectNoEvents();
    }

    @Test
    void anUnreportedDocumentTurnsOverdueOnceAndOnlyUntilReported() {
        Instant deadline = NOW.minusSeconds(1);
        fixture.given(issued(InvoiceKind.SIMPLIFIED, DocumentType.INVOICE),
                        new InvoiceReportingDeadlineNearEvent(invoiceId, accountId, deadline))
                .when(new MarkReportingOverdueCommand(invoiceId, deadline))
                .expectEvents(new InvoiceReportingOverdueEvent(invoiceId, accountId, deadline, NOW));
        fixture.given(issued(InvoiceKind.SIMPLIFIED, DocumentType.INVOICE),
                        new InvoiceReportingOverdueEvent(invoiceId, accountId, deadline, NOW))
                .when(new MarkReportingOverdueCommand(invoiceId, deadline))
                .expectNoEvents();
        fixture.given(issued(InvoiceKind.SIMPLIFIED, DocumentType.INVOICE),
                        new InvoiceReportedEvent(invoiceId, accountId, List.of(), false, NOW))
                .when(new MarkReportingOverdueCommand(invoiceId, deadline))
                .expectNoEvents();
    }

    @Test
    void anOverdueDocumentIsStillReportedWhenZatcaAnswers() {
        fixture.given(issued(InvoiceKind.SIMPLIFIED, DocumentType.INVOICE),
                        new InvoiceReportingOverdueEvent(invoiceId, accountId, NOW, NOW))
                .when(record(answer(Channel.REPORTING, Verdict.ACCEPTED, 200)))
                .expectEvents(new InvoiceReportedEvent(invoiceId, accountId, WARNINGS, false, NOW));
    }
}
