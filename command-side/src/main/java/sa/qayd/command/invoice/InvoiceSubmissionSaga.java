package sa.qayd.command.invoice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import sa.qayd.api.ZatcaUnavailableException;
import sa.qayd.api.invoice.InvoiceClearedEvent;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceRejectedEvent;
import sa.qayd.api.invoice.InvoiceReportedEvent;
import sa.qayd.api.invoice.RecordSubmissionDelayCommand;
import sa.qayd.api.invoice.SubmitInvoiceCommand;
import sa.qayd.api.invoice.WarnReportingDeadlineNearCommand;

/**
 * Gets every issued document to ZATCA: clearance for standard documents, reporting for simplified
 * ones, retrying the same signed bytes through outages from persistent deadlines. Simplified
 * documents must be reported within 24 hours; the invoice shows a warning state when
 * {@code qayd.submission.reporting-warning-after} has passed without success.
 */
@Saga
public class InvoiceSubmissionSaga {
    static final String RETRY_DEADLINE = "retry-submission";
    static final String REPORTING_WARNING_DEADLINE = "reporting-deadline-near";
    static final Duration REPORTING_LIMIT = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(InvoiceSubmissionSaga.class);

    private UUID invoiceId;
    private int attempts;

    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient SubmissionSettings settings;
    @Autowired
    private transient Clock clock;

    @StartSaga
    @SagaEventHandler(associationProperty = "invoiceId")
    public void on(InvoiceIssuedEvent event) {
        invoiceId = event.invoiceId();
        if (event.kind() == InvoiceKind.SIMPLIFIED) {
            Instant deadline = event.issuedAt().plus(REPORTING_LIMIT);
            deadlines.schedule(event.issuedAt().plus(settings.reportingWarningAfter()), REPORTING_WARNING_DEADLINE, deadline);
        }
        submit();
    }

    @DeadlineHandler(deadlineName = RETRY_DEADLINE)
    public void retry() {
        submit();
    }

    @DeadlineHandler(deadlineName = REPORTING_WARNING_DEADLINE)
    public void reportingDeadlineNear(Instant deadline) {
        commands.sendAndWait(new WarnReportingDeadlineNearCommand(invoiceId, deadline));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "invoiceId")
    public void on(InvoiceClearedEvent event) {
        finish();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "invoiceId")
    public void on(InvoiceReportedEvent event) {
        finish();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "invoiceId")
    public void on(InvoiceRejectedEvent event) {
        finish();
    }

    private void submit() {
        attempts++;
        try {
            commands.sendAndWait(new SubmitInvoiceCommand(invoiceId, attempts));
        } catch (ZatcaUnavailableException unavailable) {
            retryLater(unavailable.getMessage());
        } catch (RuntimeException unexpected) {
            // never block the saga processor: this document waits, the others go on
            log.error("Submitting invoice {} failed unexpectedly", invoiceId, unexpected);
            retryLater("internal error: " + unexpected.getClass().getSimpleName());
        }
    }

    private void retryLater(String reason) {
        Duration pause = settings.backoff().delayBefore(attempts);
        Instant next = clock.instant().plus(pause);
        commands.sendAndWait(new RecordSubmissionDelayCommand(invoiceId, attempts, reason, next));
        deadlines.schedule(pause, RETRY_DEADLINE);
    }

    private void finish() {
        deadlines.cancelAllWithinScope(RETRY_DEADLINE);
        deadlines.cancelAllWithinScope(REPORTING_WARNING_DEADLINE);
    }

    public UUID getInvoiceId() {
        return invoiceId;
    }

    public void setInvoiceId(UUID invoiceId) {
        this.invoiceId = invoiceId;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }
}
