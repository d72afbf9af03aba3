package sa.qayd.query.invoice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
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
        writes.update("""
                insert into invoice_view (invoice_id, account_id, egs_unit_id, environment, kind, document_type,
                    invoice_number, issue_date, uuid, icv, previous_invoice_hash, invoice_hash, qr_code, status,
                    currency, line_extension, allowance_total, tax_exclusive, tax_total, tax_inclusive, payable,
                    zatca_messages, submission_attempts, signed_xml, issued_at, status_changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]'::jsonb, 0, ?, ?, ?)
                on conflict (invoice_id) do nothing""",
                event.invoiceId(), event.accountId(), event.egsUnitId(), event.environment().name(), event.kind().name(),
                event.documentType().name(), event.invoiceNumber(), Date.valueOf(event.draft().issueDate()), event.uuid(),
                event.icv(), event.previousInvoiceHash(), event.invoiceHash(), event.qrCode(),
                InvoiceStatus.pendingFor(event.kind()).name(), amounts.currency(), amounts.lineExtension(),
                amounts.allowanceTotal(), amounts.taxExclusive(), amounts.taxTotal(), amounts.taxInclusive(),
                amounts.payable(), Base64.getDecoder().decode(event.signedXml()), Timestamp.from(event.issuedAt()),
                Timestamp.from(event.issuedAt()));
        step(message, event.invoiceId(), "issued", "ICV " + event.icv() + ", invoice hash " + event.invoiceHash(),
                event.issuedAt());
    }

    @EventHandler
    void on(InvoiceSubmissionDelayedEvent event, EventMessage<?> message) {
        step(message, event.invoiceId(), "submission_delayed", "attempt " + event.attempt() + ": " + event.reason()
                + "; next attempt at " + event.nextAttemptAt(), message.getTimestamp());
        writes.update("""
                update invoice_view set submission_attempts = ?, next_attempt_at = ?, last_delay_reason = ?
                where invoice_id = ?""",
                event.attempt(), Timestamp.from(event.nextAttemptAt()), event.reason(), event.invoiceId());
    }

    @EventHandler
    void on(InvoiceReportingDeadlineNearEvent event, EventMessage<?> message) {
        // only a still-pending document: the deadline warning never overrides an outcome
        writes.update("""
                update invoice_view set status = ?, status_changed_at = ? where invoice_id = ? and status = ?""",
                InvoiceStatus.REPORTING_DEADLINE_NEAR.name(), Timestamp.from(message.getTimestamp()), event.invoiceId(),
                InvoiceStatus.PENDING_REPORTING.name());
        step(message, event.invoiceId(), "reporting_deadline_near", "to be reported by " + event.deadline(),
                message.getTimestamp());
    }

    @EventHandler
    void on(InvoiceReportedEvent event, EventMessage<?> message) {
        settle(event.invoiceId(), InvoiceStatus.REPORTED, event.warnings(), null, event.reportedAt());
        step(message, event.invoiceId(), "reported", summary(event.warnings()), event.reportedAt());
    }

    @EventHandler
    void on(InvoiceClearedEvent event, EventMessage<?> message) {
        settle(event.invoiceId(), InvoiceStatus.CLEARED, event.warnings(), Base64.getDecoder().decode(event.clearedXml()),
                event.clearedAt());
        step(message, event.invoiceId(), "cleared", summary(event.warnings()), event.clearedAt());
    }

    @EventHandler
    void on(InvoiceRejectedEvent event, EventMessage<?> message) {
        List<ZatcaMessage> messages = Stream.concat(event.errors().stream(), event.warnings().stream()).toList();
        settle(event.invoiceId(), InvoiceStatus.REJECTED, messages, null, event.rejectedAt());
        step(message, event.invoiceId(), "rejected", "HTTP " + event.httpStatus() + "; " + summary(messages),
                event.rejectedAt());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from invoice_status_history");
        jdbc.update("delete from invoice_view");
    }

    /** One step of the status history, with the status the document has after it. */
    private void step(EventMessage<?> message, UUID invoiceId, String event, String detail, Instant at) {
        writes.update("""
                insert into invoice_status_history (event_id, invoice_id, event, status, detail, at)
                select ?, invoice_id, ?, status, ?, ? from invoice_view where invoice_id = ?
                on conflict (event_id) do nothing""",
                message.getIdentifier(), event, detail, Timestamp.from(at), invoiceId);
    }

    private static String summary(List<ZatcaMessage> messages) {
        return messages.isEmpty() ? null
                : messages.stream().map(m -> m.code() + ": " + m.message()).collect(Collectors.joining("; "));
    }

    private void settle(UUID invoiceId, InvoiceStatus status, List<ZatcaMessage> messages, byte[] clearedXml,
                        Instant at) {
        writes.update("""
                update invoice_view set status = ?, zatca_messages = cast(? as jsonb), cleared_xml = ?,
                    next_attempt_at = null, status_changed_at = ?
                where invoice_id = ?""",
                status.name(), toJson(messages), clearedXml, Timestamp.from(at), invoiceId);
    }

    private String toJson(List<ZatcaMessage> messages) {
        try {
            return json.writeValueAsString(messages == null ? List.of() : messages);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ZATCA messages are not serialisable", e);
        }
    }
}
