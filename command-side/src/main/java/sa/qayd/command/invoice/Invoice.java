package sa.qayd.command.invoice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import sa.qayd.api.invoice.InvoiceClearedEvent;
import sa.qayd.api.invoice.InvoiceFailedEvent;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceRejectedEvent;
import sa.qayd.api.invoice.InvoiceReportedEvent;
import sa.qayd.api.invoice.InvoiceReportingDeadlineNearEvent;
import sa.qayd.api.invoice.InvoiceReportingOverdueEvent;
import sa.qayd.api.invoice.InvoiceStatus;
import sa.qayd.api.invoice.InvoiceSubmissionDelayedEvent;
import sa.qayd.api.invoice.MarkReportingOverdueCommand;
import sa.qayd.api.invoice.RecordSubmissionAnswerCommand;
import sa.qayd.api.invoice.SubmissionAnswer;
import sa.qayd.api.invoice.WarnReportingDeadlineNearCommand;
import sa.qayd.command.caching.AggregateCaches;
import sa.qayd.command.caching.LatestState;

/**
 * One signed tax document (invoice, credit or debit note), from the moment its EGS unit issued it
 * until ZATCA settled it: cleared, reported, rejected, or failed. It decides what each of ZATCA's
 * answers means for it; the ZATCA worker brings them, and keeps its own count of attempts, so a
 * document that waits through an outage gains one event for the first delay, not one per retry.
 */
@Aggregate(cache = AggregateCaches.INVOICES)
public class Invoice {
    @AggregateIdentifier
    private UUID invoiceId;
    private UUID accountId;
    private InvoiceKind kind;
    private InvoiceStatus status;
    private boolean delayed;

    protected Invoice() {
    }

    /** Created only by its EGS unit, which has checked ownership, environment and status, and signed it. */
    /** @param issuer the metadata naming who issued the document, for its first event */
    public Invoice(InvoiceIssuedEvent issued, MetaData issuer) {
        apply(issued, issuer);
    }

    /**
     * Settles the document from ZATCA's answer, or records that it has to wait. A settled document
     * ignores later answers (a resend that crossed the first answer), so the first one stands.
     *
     * @return true when nothing more is to be sent
     */
    @CommandHandler
    public boolean handle(RecordSubmissionAnswerCommand command, Clock clock) {
        if (status.isFinal()) {
            return true;
        }
        SubmissionAnswer answer = command.answer();
        switch (answer.verdict()) {
            case ACCEPTED, ALREADY_ACCEPTED -> accept(answer, clock);
            case REJECTED -> apply(new InvoiceRejectedEvent(invoiceId, accountId, answer.httpStatus(), answer.errors(),
                    answer.warnings(), clock.instant()));
            case REFUSED -> apply(new InvoiceFailedEvent(invoiceId, accountId, answer.httpStatus(), answer.reason(),
                    answer.errors(), clock.instant()));
            case UNAVAILABLE -> {
                if (!delayed) {
                    apply(new InvoiceSubmissionDelayedEvent(invoiceId, accountId, 1, answer.reason(), command.nextAttemptAt()));
                }
                return false;
            }
        }
        return true;
    }

    private void accept(SubmissionAnswer answer, Clock clock) {
        boolean resent = answer.verdict() == SubmissionAnswer.Verdict.ALREADY_ACCEPTED;
        if (answer.channel() == SubmissionAnswer.Channel.CLEARANCE) {
            if (kind != InvoiceKind.STANDARD) {
                throw new IllegalStateException("a simplified document " + invoiceId + " cannot be cleared");
            }
            apply(new InvoiceClearedEvent(invoiceId, accountId, answer.clearedXml(), answer.warnings(), resent,
                    clock.instant()));
        } else {
            // a standard document is reported too, when ZATCA switched clearance off for the taxpayer (303)
            apply(new InvoiceReportedEvent(invoiceId, accountId, answer.warnings(), resent, clock.instant()));
        }
    }

    @CommandHandler
    public void handle(WarnReportingDeadlineNearCommand command) {
        if (status == InvoiceStatus.PENDING_REPORTING) {
            apply(new InvoiceReportingDeadlineNearEvent(invoiceId, accountId, command.deadline()));
        }
    }

    @CommandHandler
    public void handle(MarkReportingOverdueCommand command, Clock clock) {
        if (status == InvoiceStatus.PENDING_REPORTING || status == InvoiceStatus.REPORTING_DEADLINE_NEAR) {
            apply(new InvoiceReportingOverdueEvent(invoiceId, accountId, command.deadline(), clock.instant()));
        }
    }

    /** Decides on the invoice's latest state only, however it was cached (see {@link LatestState}). */
    @CommandHandlerInterceptor
    public Object onLatestState(InterceptorChain chain, LatestState latest) throws Exception {
        latest.require(invoiceId);
        return chain.proceed();
    }

    @EventSourcingHandler
    void on(InvoiceIssuedEvent event) {
        invoiceId = event.invoiceId();
        accountId = event.accountId();
        kind = event.kind();
        status = InvoiceStatus.pendingFor(kind);
    }

    @EventSourcingHandler
    void on(InvoiceSubmissionDelayedEvent event) {
        delayed = true;
    }

    @EventSourcingHandler
    void on(InvoiceReportingDeadlineNearEvent event) {
        status = InvoiceStatus.REPORTING_DEADLINE_NEAR;
    }

    @EventSourcingHandler
    void on(InvoiceReportingOverdueEvent event) {
        status = InvoiceStatus.REPORTING_OVERDUE;
    }

    @EventSourcingHandler
    void on(InvoiceClearedEvent event) {
        status = InvoiceStatus.CLEARED;
    }

    @EventSourcingHandler
    void on(InvoiceReportedEvent event) {
        status = InvoiceStatus.REPORTED;
    }

    @EventSourcingHandler
    void on(InvoiceRejectedEvent event) {
        status = InvoiceStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(InvoiceFailedEvent event) {
        status = InvoiceStatus.FAILED;
    }
}
