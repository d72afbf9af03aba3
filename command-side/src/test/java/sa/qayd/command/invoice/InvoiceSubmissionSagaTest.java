package sa.qayd.command.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.qayd.api.Environment;
import sa.qayd.api.ZatcaUnavailableException;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceAmounts;
import sa.qayd.api.invoice.InvoiceClearedEvent;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceLineDraft;
import sa.qayd.api.invoice.InvoiceRejectedEvent;
import sa.qayd.api.invoice.InvoiceReportedEvent;
import sa.qayd.api.invoice.RecordSubmissionDelayCommand;
import sa.qayd.api.invoice.SubmitInvoiceCommand;
import sa.qayd.api.invoice.VatCategory;
import sa.qayd.api.invoice.WarnReportingDeadlineNearCommand;

class InvoiceSubmissionSagaTest {
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final Duration WARNING_AFTER = Duration.ofHours(20);

    private final SagaTestFixture<InvoiceSubmissionSaga> fixture = new SagaTestFixture<>(InvoiceSubmissionSaga.class);
    private final UUID invoiceId = UUID.randomUUID();
    private final UUID accountId = UUID.randomUUID();

    @BeforeEach
    void resources() {
        fixture.registerResource(new SubmissionSettings(RETRY, Duration.ofMinutes(15), WARNING_AFTER, Duration.ofSeconds(5)));
        fixture.registerResource(Clock.systemUTC());
    }

    private InvoiceIssuedEvent issued(InvoiceKind kind) {
        InvoiceDraft draft = new InvoiceDraft("INV-1", LocalDate.now(), LocalTime.NOON, "SAR", null,
                List.of(new InvoiceLineDraft("Tea", BigDecimal.ONE, BigDecimal.TEN, VatCategory.S, new BigDecimal("15"), null, null)),
                "10", null, null);
        InvoiceAmounts amounts = new InvoiceAmounts("SAR", BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.TEN,
                new BigDecimal("1.50"), new BigDecimal("11.50"), new BigDecimal("11.50"));
        return new InvoiceIssuedEvent(invoiceId, UUID.randomUUID(), accountId, Environment.SANDBOX, kind, DocumentType.INVOICE,
                "INV-1", UUID.randomUUID(), 1, "cGlo", "aGFzaA==", "cXI=", "PHhtbC8+", amounts, draft,
                fixture.currentTime());
    }

    @Test
    void aSimplifiedDocumentIsReportedAndWatchedForThe24HourLimit() {
        InvoiceIssuedEvent issued = issued(InvoiceKind.SIMPLIFIED);
        fixture.givenNoPriorActivity()
                .whenAggregate(invoiceId.toString()).publishes(issued)
                .expectDispatchedCommands(new SubmitInvoiceCommand(invoiceId, 1))
                .expectScheduledDeadlineWithName(issued.issuedAt().plus(WARNING_AFTER),
                        InvoiceSubmissionSaga.REPORTING_WARNING_DEADLINE);
    }

    @Test
    void theWarningComesWhenTheDocumentIsStillNotReported() {
        InvoiceIssuedEvent issued = issued(InvoiceKind.SIMPLIFIED);
        fixture.givenAggregate(invoiceId.toString()).published(issued)
                .whenTimeElapses(WARNING_AFTER.plusSeconds(1))
                .expectDispatchedCommands(new WarnReportingDeadlineNearCommand(invoiceId,
                        issued.issuedAt().plus(InvoiceSubmissionSaga.REPORTING_LIMIT)));
    }

    @Test
    void aStandardDocumentHasNoReportingDeadline() {
        fixture.givenNoPriorActivity()
                .whenAggregate(invoiceId.toString()).publishes(issued(InvoiceKind.STANDARD))
                .expectDispatchedCommands(new SubmitInvoiceCommand(invoiceId, 1))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anOutageIsRecordedAndTheSameDocumentIsSentAgainLater() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof SubmitInvoiceCommand) {
                throw new ZatcaUnavailableException("HTTP 503 after 4 attempts");
            }
            return null;
        });
        fixture.givenNoPriorActivity()
                .whenAggregate(invoiceId.toString()).publishes(issued(InvoiceKind.STANDARD))
                .expectDispatchedCommandsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.equalTo(new SubmitInvoiceCommand(invoiceId, 1)),
                                org.hamcrest.Matchers.instanceOf(RecordSubmissionDelayCommand.class),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
        fixture.setCallbackBehavior((command, metaData) -> null);
        fixture.whenTimeElapses(RETRY)
                .expectDispatchedCommands(new SubmitInvoiceCommand(invoiceId, 2));
    }

    @Test
    void endsOnceZatcaAnswered() {
        fixture.givenAggregate(invoiceId.toString()).published(issued(InvoiceKind.SIMPLIFIED))
                .whenAggregate(invoiceId.toString()).publishes(new InvoiceReportedEvent(invoiceId, accountId, List.of(), Instant.now()))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        fixture.givenAggregate(invoiceId.toString()).published(issued(InvoiceKind.STANDARD))
                .whenAggregate(invoiceId.toString()).publishes(new InvoiceClearedEvent(invoiceId, accountId, "PHhtbC8+", List.of(), Instant.now()))
                .expectActiveSagas(0);
        fixture.givenAggregate(invoiceId.toString()).published(issued(InvoiceKind.STANDARD))
                .whenAggregate(invoiceId.toString()).publishes(new InvoiceRejectedEvent(invoiceId, accountId, 400, List.of(), List.of(), Instant.now()))
                .expectActiveSagas(0);
    }
}
