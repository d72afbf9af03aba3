package sa.qayd.command.zatca;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;
import sa.qayd.api.egs.ComplianceChecksPassedEvent;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.egs.ComplianceCsidIssuedEvent;
import sa.qayd.api.egs.EgsCertificateRenewalFailedEvent;
import sa.qayd.api.egs.EgsCertificateRenewalRequestedEvent;
import sa.qayd.api.egs.EgsCertificateRenewedEvent;
import sa.qayd.api.egs.EgsOnboardingFailedEvent;
import sa.qayd.api.egs.EgsOnboardingRestartedEvent;
import sa.qayd.api.egs.EgsUnitOnboardedEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.api.invoice.InvoiceClearedEvent;
import sa.qayd.api.invoice.InvoiceFailedEvent;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceRejectedEvent;
import sa.qayd.api.invoice.InvoiceReportedEvent;
import sa.qayd.api.invoice.InvoiceReportingDeadlineNearEvent;
import sa.qayd.api.invoice.InvoiceReportingOverdueEvent;
import sa.qayd.api.Environment;
import sa.qayd.command.invoice.SubmissionSettings;
import sa.qayd.platform.signal.Signals;
import sa.qayd.platform.signal.Topics;
import sa.qayd.platform.tracing.TraceParent;

/**
 * Keeps {@code zatca_work} in step with the events, inside the transaction that stores them (a
 * subscribing processor): an issued document is due for clearance or reporting the moment its event
 * is committed, and gone the moment ZATCA's final answer is; a unit's row moves from one onboarding
 * step to the next with the event that ends the previous one. So no work is ever lost or done after
 * it was settled, whichever replica runs what.
 */
@Component
@ProcessingGroup(ZatcaWorkRecorder.GROUP)
class ZatcaWorkRecorder {
    static final String GROUP = "zatca-work";

    private final ZatcaWorkQueue queue;
    private final ZatcaWorker worker;
    private final Signals signals;
    private final SubmissionSettings submission;
    private final Clock clock;

    ZatcaWorkRecorder(ZatcaWorkQueue queue, ZatcaWorker worker, Signals signals, SubmissionSettings submission,
                      Clock clock) {
        this.queue = queue;
        this.worker = worker;
        this.signals = signals;
        this.submission = submission;
        this.clock = clock;
    }

    @EventHandler
    void on(InvoiceIssuedEvent event, @MetaDataValue(TraceParent.METADATA_KEY) String traceparent) {
        WorkKind kind = event.kind() == InvoiceKind.STANDARD ? WorkKind.CLEARANCE : WorkKind.REPORTING;
        boolean reported = kind == WorkKind.REPORTING;
        queue.put(event.invoiceId(), kind, event.environment(), event.egsUnitId(), null, event.issuedAt(),
                event.issuedAt(), reported ? ZatcaWorkQueue.Deadline.NEAR : null,
                reported ? event.issuedAt().plus(submission.reportingWarningAfter()) : null, traceparent);
        wakeAfterCommit(event.environment(), kind);
    }

    @EventHandler
    void on(InvoiceReportingDeadlineNearEvent event) {
        queue.nextDeadline(event.invoiceId(), ZatcaWorkQueue.Deadline.OVERDUE, event.deadline());
    }

    @EventHandler
    void on(InvoiceReportingOverdueEvent event) {
        queue.nextDeadline(event.invoiceId(), null, null);
    }

    @EventHandler
    void on(InvoiceClearedEvent event) {
        settled(event.invoiceId());
    }

    @EventHandler
    void on(InvoiceReportedEvent event) {
        settled(event.invoiceId());
    }

    @EventHandler
    void on(InvoiceRejectedEvent event) {
        settled(event.invoiceId());
    }

    @EventHandler
    void on(InvoiceFailedEvent event) {
        settled(event.invoiceId());
    }

    @EventHandler
    void on(EgsUnitRegisteredEvent event, @MetaDataValue(TraceParent.METADATA_KEY) String traceparent) {
        startOnboarding(event.egsUnitId(), event.environment(), event.identity(), event.registeredAt(), traceparent);
    }

    @EventHandler
    void on(EgsOnboardingRestartedEvent event, @MetaDataValue(TraceParent.METADATA_KEY) String traceparent) {
        startOnboarding(event.egsUnitId(), event.environment(), event.identity(), event.restartedAt(), traceparent);
    }

    @EventHandler
    void on(ComplianceCsidIssuedEvent event) {
        queue.advance(event.egsUnitId(), WorkKind.COMPLIANCE_CHECKS, inputs -> inputs.withKeyId(event.keyId())
                .withComplianceCsid(event.complianceRequestId(), event.certificate()), clock.instant());
    }

    @EventHandler
    void on(ComplianceChecksPassedEvent event) {
        queue.advance(event.egsUnitId(), WorkKind.PRODUCTION_CSID, inputs -> inputs, clock.instant());
    }

    @EventHandler
    void on(EgsUnitOnboardedEvent event) {
        queue.remove(event.egsUnitId());
    }

    @EventHandler
    void on(EgsOnboardingFailedEvent event) {
        queue.remove(event.egsUnitId());
    }

    @EventHandler
    void on(EgsCertificateRenewalRequestedEvent event, @MetaDataValue(TraceParent.METADATA_KEY) String traceparent) {
        Environment environment = event.environment();
        queue.put(event.egsUnitId(), WorkKind.RENEWAL, environment, event.egsUnitId(),
                WorkInputs.of(event.identity()).withCurrentKeyId(event.currentKeyId()), event.requestedAt(),
                event.requestedAt(), null, null, traceparent);
        wakeAfterCommit(environment, WorkKind.RENEWAL);
    }

    @EventHandler
    void on(EgsCertificateRenewedEvent event) {
        queue.remove(event.egsUnitId());
    }

    @EventHandler
    void on(EgsCertificateRenewalFailedEvent event) {
        queue.remove(event.egsUnitId());
    }

    private void startOnboarding(UUID egsUnitId, Environment environment, EgsIdentity identity, Instant at,
                                 String traceparent) {
        queue.put(egsUnitId, WorkKind.COMPLIANCE_CSID, environment, egsUnitId, WorkInputs.of(identity), at, at, null, null,
                traceparent);
        wakeAfterCommit(environment, WorkKind.COMPLIANCE_CSID);
    }

    /**
     * Only a clearance has somebody waiting for it ({@code POST /v1/invoices/standard}); a notification
     * makes PostgreSQL commit the notifying transactions one after the other, so reports send none.
     */
    private void settled(UUID invoiceId) {
        if (queue.remove(invoiceId) == WorkKind.CLEARANCE) {
            signals.announce(Topics.INVOICE_SETTLED, invoiceId.toString());
        }
    }

    private void wakeAfterCommit(Environment environment, WorkKind kind) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> worker.wake(environment, kind.lane()));
        } else {
            worker.wake(environment, kind.lane());
        }
    }
}
