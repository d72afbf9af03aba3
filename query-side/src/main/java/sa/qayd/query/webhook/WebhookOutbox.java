package sa.qayd.query.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sa.qayd.api.Environment;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.egs.EgsOnboardingFailedEvent;
import sa.qayd.api.egs.EgsUnitOnboardedEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.api.egs.EgsCertificateRenewalFailedEvent;
import sa.qayd.api.egs.EgsCertificateRenewedEvent;
import sa.qayd.api.egs.OnboardingStep;
import sa.qayd.api.invoice.InvoiceFailedEvent;
import sa.qayd.api.invoice.InvoiceReportingOverdueEvent;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceClearedEvent;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceRejectedEvent;
import sa.qayd.api.invoice.InvoiceReportedEvent;
import sa.qayd.api.invoice.InvoiceStatus;
import sa.qayd.api.invoice.InvoiceSubmissionDelayedEvent;
import sa.qayd.query.processing.ProjectionWrites;

/**
 * Turns domain events into deliveries, in a tracking processor of its own so that a slow or failing
 * webhook never holds up the projections. Events of one invoice (or unit) are handled in order, so
 * its deliveries are created in order. The outcome events do not carry the environment, unit or
 * number, so those are remembered from the events that created the invoice or unit.
 * A replay rebuilds that memory but sends nothing again ({@link DisallowReplay}).
 */
@Component
@ProcessingGroup(WebhookOutbox.GROUP)
class WebhookOutbox {
    static final String GROUP = "webhooks";

    private final JdbcTemplate jdbc;
    private final ProjectionWrites writes;
    private final Deliveries deliveries;
    private final ObjectMapper json;

    WebhookOutbox(JdbcTemplate jdbc, ProjectionWrites writes, Deliveries deliveries, ObjectMapper json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.deliveries = deliveries;
        this.json = json;
    }

    @EventHandler
    void on(InvoiceIssuedEvent event) {
        writes.update("""
                insert into webhook_invoice (invoice_id, account_id, environment, egs_unit_id, invoice_number, kind, document_type)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (invoice_id) do nothing""",
                event.invoiceId(), event.accountId(), event.environment().name(), event.egsUnitId(),
                event.invoiceNumber(), event.kind().name(), event.documentType().name());
    }

    @EventHandler
    void on(EgsUnitRegisteredEvent event) {
        writes.update("""
                insert into webhook_egs_unit (egs_unit_id, account_id, environment, name) values (?, ?, ?, ?)
                on conflict (egs_unit_id) do nothing""",
                event.egsUnitId(), event.accountId(), event.environment().name(), event.name());
    }

    @DisallowReplay
    @EventHandler
    void on(InvoiceClearedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        KnownInvoice invoice = invoice(event.invoiceId());
        invoiceEvent(WebhookEventType.INVOICE_CLEARED, eventId, at, invoice, InvoiceStatus.CLEARED, event.warnings(),
                Details.NONE);
    }

    @DisallowReplay
    @EventHandler
    void on(InvoiceReportedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        KnownInvoice invoice = invoice(event.invoiceId());
        invoiceEvent(WebhookEventType.INVOICE_REPORTED, eventId, at, invoice, InvoiceStatus.REPORTED, event.warnings(),
                Details.NONE);
    }

    @DisallowReplay
    @EventHandler
    void on(InvoiceRejectedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        KnownInvoice invoice = invoice(event.invoiceId());
        List<ZatcaMessage> messages = Stream.concat(event.errors().stream(), event.warnings().stream()).toList();
        invoiceEvent(WebhookEventType.INVOICE_REJECTED, eventId, at, invoice, InvoiceStatus.REJECTED, messages, Details.NONE);
    }

    /** The document is still pending; its status says which (clearance or reporting). */
    @DisallowReplay
    @EventHandler
    void on(InvoiceSubmissionDelayedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        KnownInvoice invoice = invoice(event.invoiceId());
        invoiceEvent(WebhookEventType.INVOICE_DELAYED, eventId, at, invoice, InvoiceStatus.pendingFor(invoice.kind()),
                List.of(), new Details(new WebhookPayload.Delay(event.attempt(), event.reason(), event.nextAttemptAt()),
                        null, null));
    }

    /** ZATCA refused the document in a way no resend fixes; the account has to act. */
    @DisallowReplay
    @EventHandler
    void on(InvoiceFailedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        KnownInvoice invoice = invoice(event.invoiceId());
        invoiceEvent(WebhookEventType.INVOICE_FAILED, eventId, at, invoice, InvoiceStatus.FAILED, event.messages(),
                new Details(null, event.reason(), null));
    }

    /** Still not reported when its 24 hours ran out; Qayd keeps trying. */
    @DisallowReplay
    @EventHandler
    void on(InvoiceReportingOverdueEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        KnownInvoice invoice = invoice(event.invoiceId());
        invoiceEvent(WebhookEventType.INVOICE_REPORTING_OVERDUE, eventId, at, invoice, InvoiceStatus.REPORTING_OVERDUE,
                List.of(), new Details(null, null, event.deadline()));
    }

    @DisallowReplay
    @EventHandler
    void on(EgsUnitOnboardedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        unitEvent(WebhookEventType.EGS_UNIT_ACTIVE, eventId, at, event.egsUnitId(), OnboardingStep.ACTIVE, null);
    }

    @DisallowReplay
    @EventHandler
    void on(EgsOnboardingFailedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        unitEvent(WebhookEventType.EGS_UNIT_FAILED, eventId, at, event.egsUnitId(), OnboardingStep.FAILED,
                new WebhookPayload.Failure(event.step(), event.reason(), event.messages()));
    }

    @DisallowReplay
    @EventHandler
    void on(EgsCertificateRenewedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        unitEvent(WebhookEventType.EGS_UNIT_CERTIFICATE_RENEWED, eventId, at, event.egsUnitId(), OnboardingStep.ACTIVE, null);
    }

    /** The current certificate stays in use. */
    @DisallowReplay
    @EventHandler
    void on(EgsCertificateRenewalFailedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        unitEvent(WebhookEventType.EGS_UNIT_CERTIFICATE_RENEWAL_FAILED, eventId, at, event.egsUnitId(),
                OnboardingStep.ACTIVE, new WebhookPayload.Failure("renewal", event.reason(), event.messages()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from webhook_invoice");
        jdbc.update("delete from webhook_egs_unit");
    }

    private record KnownInvoice(UUID invoiceId, UUID accountId, Environment environment, UUID egsUnitId,
                                String invoiceNumber, InvoiceKind kind, DocumentType documentType) {
    }

    private KnownInvoice invoice(UUID invoiceId) {
        return jdbc.queryForObject("""
                select account_id, environment, egs_unit_id, invoice_number, kind, document_type
                from webhook_invoice where invoice_id = ?""",
                (rs, row) -> new KnownInvoice(invoiceId, rs.getObject("account_id", UUID.class),
                        Environment.valueOf(rs.getString("environment")), rs.getObject("egs_unit_id", UUID.class),
                        rs.getString("invoice_number"), InvoiceKind.valueOf(rs.getString("kind")),
                        DocumentType.valueOf(rs.getString("document_type"))),
                invoiceId);
    }

    /** What one kind of invoice notification adds to the common fields. */
    private record Details(WebhookPayload.Delay delay, String failureReason, Instant reportingDeadline) {
        static final Details NONE = new Details(null, null, null);
    }

    private void invoiceEvent(WebhookEventType type, String eventId, Instant at, KnownInvoice invoice,
                              InvoiceStatus status, List<ZatcaMessage> messages, Details details) {
        WebhookPayload.InvoiceData data = new WebhookPayload.InvoiceData(invoice.invoiceId(), invoice.egsUnitId(),
                invoice.invoiceNumber(), invoice.kind().wireName(), invoice.documentType().wireName(), status.wireName(),
                messages, details.delay(), details.failureReason(), details.reportingDeadline());
        enqueue(type, eventId, at, invoice.accountId(), invoice.environment(), invoice.invoiceId(), data);
    }

    private record KnownUnit(UUID accountId, Environment environment, String name) {
    }

    private void unitEvent(WebhookEventType type, String eventId, Instant at, UUID egsUnitId, OnboardingStep status,
                           WebhookPayload.Failure failure) {
        KnownUnit unit = jdbc.queryForObject(
                "select account_id, environment, name from webhook_egs_unit where egs_unit_id = ?",
                (rs, row) -> new KnownUnit(rs.getObject("account_id", UUID.class),
                        Environment.valueOf(rs.getString("environment")), rs.getString("name")),
                egsUnitId);
        enqueue(type, eventId, at, unit.accountId(), unit.environment(), egsUnitId,
                new WebhookPayload.EgsUnitData(egsUnitId, unit.name(), status.status(), failure));
    }

    private void enqueue(WebhookEventType type, String eventId, Instant at, UUID accountId, Environment environment,
                         UUID subjectId, Object data) {
        try {
            String payload = json.writeValueAsString(
                    new WebhookPayload(eventId, type.wireName(), at, environment.wireName(), data));
            deliveries.enqueue(new Deliveries.Event(eventId, type, at, accountId, environment, subjectId, payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook payload did not serialise", e);
        }
    }
}
