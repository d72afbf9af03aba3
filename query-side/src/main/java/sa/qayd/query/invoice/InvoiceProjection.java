package sa.qayd.query.invoice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sa.qayd.query.processing.ProjectionWrites;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.invoice.InvoiceAmounts;
import sa.qayd.api.invoice.InvoiceClearedEvent;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceRejectedEvent;
import sa.qayd.api.invoice.InvoiceReportedEvent;
import sa.qayd.api.invoice.InvoiceReportingDeadlineNearEvent;
import sa.qayd.api.invoice.InvoiceStatus;
import sa.qayd.api.invoice.InvoiceSubmissionDelayedEvent;

/**
 * The invoice_view table. Every handler writes values taken from the event only (never "now" or an
 * increment), so handling an event twice, or replaying the whole history, gives the same rows.
 */
@Component
@ProcessingGroup(InvoiceProjection.GROUP)
class InvoiceProjection {
    static final String GROUP = "invoices";

    private final JdbcTemplate jdbc;
    private final ProjectionWrites writes;
    private final ObjectMapper json;

    InvoiceProjection(JdbcTemplate jdbc, ProjectionWrites writes, ObjectMapper json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    void on(InvoiceIssuedEvent event, EventMessage<?> message) {
        InvoiceAmounts amounts = event.amounts();
        writes.updateInOrderOf(event.invoiceId(), """
                insert into invoice_view (invoice_id, account_id, egs_unit_id, environment, kind, document_type,
                    invoice_number, issue_date, uuid, icv, previous_invoice_hash, invoice_hash, qr_code, status,
                    currency, line_extension, allowance_total, tax_exclusive, tax_total, tax_inclusive, payable,
                    zatca_messages, submission_attempts, issued_at, status_changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]'::jsonb, 0, ?, ?)
                on conflict (invoice_id) do nothing""",
                event.invoiceId(), event.accountId(), event.egsUnitId(), event.environment().name(), event.kind().name(),
                event.documentType().name(), event.invoiceNumber(), Date.valueOf(event.draft().issueDate()), event.uuid(),
                event.icv(), event.previousInvoiceHash(), event.invoiceHash(), event.qrCode(),
                InvoiceStatus.pendingFor(event.kind()).name(), amounts.currency(), amounts.lineExtension(),
                amounts.allowanceTotal(), amounts.taxExclusive(), amounts.taxTotal(), amounts.taxInclusive(),
                amounts.payable(), Timestamp.from(event.issuedAt()),
                Timestamp.from(event.issuedAt()));
        step(message, event.invoiceId(), InvoiceStatus.pendingFor(event.kind()), "issued",
                "ICV " + event.icv() + ", invoice hash " + event.invoiceHash(), event.issuedAt());
    }

    @EventHandler
    void on(InvoiceSubmissionDelayedEvent event, EventMessage<?> message) {
        step(message, event.invoiceId(), "submission_delayed", "attempt " + event.attempt() + ": " + event.reason()
                + "; next attempt at " + event.nextAttemptAt(), message.getTimestamp());
        writes.updateInOrderOf(event.invoiceId(), """
                update invoice_view set submission_attempts = ?, next_attempt_at = ?, last_delay_reason = ?
                where invoice_id = ?""",
                event.attempt(), Timestamp.from(event.nextAttemptAt()), event.reason(), event.invoiceId());
    }

    @EventHandler
    void on(InvoiceReportingDeadlineNearEvent event, EventMessage<?> message) {
        // only a still-pending document: the deadline warning never overrides an outcome
        writes.updateInOrderOf(event.invoiceId(), """
                update invoice_view set status = ?, status_changed_at = ? where invoice_id = ? and status = ?""",
                InvoiceStatus.REPORTING_DEADLINE_NEAR.name(), Timestamp.from(message.getTimestamp()), event.invoiceId(),
                InvoiceStatus.PENDING_REPORTING.name());
        step(message, event.invoiceId(), "reporting_deadline_near", "to be reported by " + event.deadline(),
                message.getTimestamp());
    }

    @EventHandler
    void on(InvoiceReportedEvent event, EventMessage<?> message) {
        settle(event.invoiceId(), InvoiceStatus.REPORTED, event.warnings(), event.reportedAt());
        step(message, event.invoiceId(), InvoiceStatus.REPORTED, "reported", summary(event.warnings()), event.reportedAt());
    }

    @EventHandler
    void on(InvoiceClearedEvent event, EventMessage<?> message) {
        settle(event.invoiceId(), InvoiceStatus.CLEARED, event.warnings(), event.clearedAt());
        step(message, event.invoiceId(), InvoiceStatus.CLEARED, "cleared", summary(event.warnings()), event.clearedAt());
    }

    @EventHandler
    void on(InvoiceRejectedEvent event, EventMessage<?> message) {
        List<ZatcaMessage> messages = Stream.concat(event.errors().stream(), event.warnings().stream()).toList();
        settle(event.invoiceId(), InvoiceStatus.REJECTED, messages, event.rejectedAt());
        step(message, event.invoiceId(), InvoiceStatus.REJECTED, "rejected",
                "HTTP " + event.httpStatus() + "; " + summary(messages), event.rejectedAt());
    }

    @ResetHandler
    void reset() {
        // not a delete: that would leave every old row behind as a dead tuple for the rebuild to wade through
        jdbc.execute("truncate invoice_status_history, invoice_view");
    }

    /** One step of the status history that decides the document's status. */
    private void step(EventMessage<?> message, UUID invoiceId, InvoiceStatus status, String event, String detail,
                      Instant at) {
        // values only, no read of invoice_view: batched, PostgreSQL's driver sends these as multi-row inserts
        writes.updateInOrderOf(invoiceId, """
                insert into invoice_status_history (event_id, invoice_id, event, status, detail, at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (event_id) do nothing""",
                message.getIdentifier(), invoiceId, event, status.name(), detail, Timestamp.from(at));
    }

    /** One step of the status history that leaves the status as it is (or may, in the deadline's case). */
    private void step(EventMessage<?> message, UUID invoiceId, String event, String detail, Instant at) {
        writes.updateInOrderOf(invoiceId, """
                insert into invoice_status_history (event_id, invoice_id, event, status, detail, at)
                select ?, invoice_id, ?, status, ?, ? from invoice_view where invoice_id = ?
                on conflict (event_id) do nothing""",
                message.getIdentifier(), event, detail, Timestamp.from(at), invoiceId);
    }

    private static String summary(List<ZatcaMessage> messages) {
        return messages.isEmpty() ? null
                : messages.stream().map(m -> m.code() + ": " + m.message()).collect(Collectors.joining("; "));
    }

    private void settle(UUID invoiceId, InvoiceStatus status, List<ZatcaMessage> messages, Instant at) {
        writes.updateInOrderOf(invoiceId, """
                update invoice_view set status = ?, zatca_messages = cast(? as jsonb),
                    next_attempt_at = null, status_changed_at = ?
                where invoice_id = ?""",
                status.name(), toJson(messages), Timestamp.from(at), invoiceId);
    }

    private String toJson(List<ZatcaMessage> messages) {
        try {
            return json.writeValueAsString(messages == null ? List.of() : messages);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ZATCA messages are not serialisable", e);
        }
    }
}
