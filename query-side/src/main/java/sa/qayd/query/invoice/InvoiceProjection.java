package sa.qayd.query.invoice;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.invoice.InvoiceAmounts;
import sa.qayd.api.invoice.InvoiceClearedEvent;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceFailedEvent;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceRejectedEvent;
import sa.qayd.api.invoice.InvoiceReportedEvent;
import sa.qayd.api.invoice.InvoiceReportingDeadlineNearEvent;
import sa.qayd.api.invoice.InvoiceReportingOverdueEvent;
import sa.qayd.api.invoice.InvoiceStatus;
import sa.qayd.api.invoice.InvoiceSubmissionDelayedEvent;
import sa.qayd.platform.signal.Signals;
import sa.qayd.platform.signal.Topics;
import sa.qayd.query.processing.ProjectionWrites;

/**
 * The invoice_view table, one statement per event. Every handler writes values taken from the event
 * only (never "now" or an increment), and each event appends its step to the row's status history
 * only once (keyed by event id) together with its other changes, so handling an event twice, or
 * replaying the whole history, gives the same rows.
 * <p>
 * A document issued and settled within one processor batch (the rule in a replay) is written once,
 * settled, instead of inserted and then updated. An issued event is only handled again when its batch
 * rolled back, so the row it inserts never exists already with a settlement missing.
 */
@Component
@ProcessingGroup(InvoiceProjection.GROUP)
class InvoiceProjection {
    static final String GROUP = "invoices";

    /**
     * A status_history step built by PostgreSQL from event id, event, detail and time; the status is SQL.
     * The same keys and texts as {@link NewRow#step}'s, so a step reads the same however it was written.
     */
    private static final String STEP = """
            jsonb_build_array(jsonb_build_object('event_id', ?::text, 'event', ?::text, 'status', %s,
                'detail', ?::text, 'at', ?::text))""";
    private static final String INSERT = """
            insert into invoice_view (invoice_id, account_id, egs_unit_id, environment, kind, document_type,
                invoice_number, issue_date, uuid, icv, previous_invoice_hash, invoice_hash, qr_code, status,
                currency, line_extension, allowance_total, tax_exclusive, tax_total, tax_inclusive, payable,
                charge_total, prepaid_amount, payable_rounding_amount, tax_total_sar, exchange_rate, content,
                zatca_messages, submission_attempts, issued_at, status_changed_at, status_history)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb),
                cast(? as jsonb), 0, ?, ?, cast(? as jsonb))
            on conflict (invoice_id) do nothing""";
    private static final String NEW_ROWS = InvoiceProjection.class.getName() + ".newRows";
    /** The row, unless the event's step is in its history already (then the event has been applied). */
    private static final String NOT_YET_APPLIED = """
            where invoice_id = ? and not status_history @> jsonb_build_array(jsonb_build_object('event_id', ?::text))""";
    private static final String DELAY = """
            update invoice_view set submission_attempts = ?, next_attempt_at = ?, last_delay_reason = ?,
                status_history = status_history || %s
            %s""".formatted(STEP.formatted("status"), NOT_YET_APPLIED);
    private static final String DEADLINE_NEAR = stillUnreportedBecomes(InvoiceStatus.REPORTING_DEADLINE_NEAR);
    private static final String OVERDUE = stillUnreportedBecomes(InvoiceStatus.REPORTING_OVERDUE);
    private static final String SETTLE = """
            update invoice_view set status = ?, zatca_messages = cast(? as jsonb), next_attempt_at = null,
                status_changed_at = ?, status_history = status_history || %s
            %s""".formatted(STEP.formatted("?::text"), NOT_YET_APPLIED);

    private final JdbcTemplate jdbc;
    private final ProjectionWrites writes;
    private final ObjectMapper json;
    private final Signals signals;
    /** The issued draft without its lines, in the event's own JSON: the content column. */
    private final ObjectWriter content;

    InvoiceProjection(JdbcTemplate jdbc, ProjectionWrites writes, ObjectMapper json, Signals signals,
                      @Qualifier("defaultAxonObjectMapper") ObjectMapper eventJson) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
        this.signals = signals;
        this.content = eventJson.copy().addMixIn(InvoiceDraft.class, WithoutLines.class).writerFor(InvoiceDraft.class);
    }

    /** Lines are the bulk of a draft and not what the read shows; the signed document has them. */
    @JsonIgnoreProperties("lines")
    private abstract static class WithoutLines {
    }

    /**
     * The SQL that moves a document that is still unreported to {@code next}, with a history step; the
     * deadline states never override an outcome, and overdue never goes back to deadline-near.
     */
    private static String stillUnreportedBecomes(InvoiceStatus next) {
        String unreported = "'" + InvoiceStatus.PENDING_REPORTING.name() + "'"
                + (next == InvoiceStatus.REPORTING_OVERDUE ? ", '" + InvoiceStatus.REPORTING_DEADLINE_NEAR.name() + "'" : "");
        String status = "case when status in (%s) then '%s' else status end".formatted(unreported, next.name());
        return """
                update invoice_view set status = %s,
                    status_changed_at = case when status in (%s) then ? else status_changed_at end,
                    status_history = status_history || %s
                %s""".formatted(status, unreported, STEP.formatted(status), NOT_YET_APPLIED);
    }

    /** A document the account just issued is announced once readable, for a read right after the POST. */
    @EventHandler
    void on(InvoiceIssuedEvent event, EventMessage<?> message, ReplayStatus replay) {
        NewRow row = new NewRow(event, message.getIdentifier());
        if (writes.updateInOrderOf(event.invoiceId(), INSERT, row::insertArguments)) {
            newRowsOfThisBatch().put(event.invoiceId(), row);
        }
        if (!replay.isReplay()) {
            signals.announce(Topics.INVOICE_VIEW, event.invoiceId().toString());
        }
    }

    @EventHandler
    void on(InvoiceSubmissionDelayedEvent event, EventMessage<?> message) {
        // queued after the row's insert: a settlement later in the batch must come after this, not into the insert
        newRowsOfThisBatch().remove(event.invoiceId());
        writes.updateInOrderOf(event.invoiceId(), DELAY,
                event.attempt(), Timestamp.from(event.nextAttemptAt()), event.reason(),
                message.getIdentifier(), "submission_delayed", "attempt " + event.attempt() + ": " + event.reason()
                        + "; next attempt at " + event.nextAttemptAt(), message.getTimestamp().toString(),
                event.invoiceId(), message.getIdentifier());
    }

    @EventHandler
    void on(InvoiceReportingDeadlineNearEvent event, EventMessage<?> message) {
        newRowsOfThisBatch().remove(event.invoiceId());
        writes.updateInOrderOf(event.invoiceId(), DEADLINE_NEAR,
                Timestamp.from(message.getTimestamp()), message.getIdentifier(), "reporting_deadline_near",
                "to be reported by " + event.deadline(),
                message.getTimestamp().toString(), event.invoiceId(), message.getIdentifier());
    }

    @EventHandler
    void on(InvoiceReportingOverdueEvent event, EventMessage<?> message) {
        newRowsOfThisBatch().remove(event.invoiceId());
        writes.updateInOrderOf(event.invoiceId(), OVERDUE,
                Timestamp.from(message.getTimestamp()), message.getIdentifier(), "reporting_overdue",
                "not reported by its deadline " + event.deadline() + "; still being sent",
                message.getTimestamp().toString(), event.invoiceId(), message.getIdentifier());
    }

    @EventHandler
    void on(InvoiceReportedEvent event, EventMessage<?> message) {
        settle(message, event.invoiceId(), InvoiceStatus.REPORTED, event.warnings(), "reported",
                resent(event.resent()) + summary(event.warnings()), event.reportedAt());
    }

    @EventHandler
    void on(InvoiceClearedEvent event, EventMessage<?> message) {
        settle(message, event.invoiceId(), InvoiceStatus.CLEARED, event.warnings(), "cleared",
                resent(event.resent()) + summary(event.warnings()), event.clearedAt());
    }

    @EventHandler
    void on(InvoiceFailedEvent event, EventMessage<?> message) {
        settle(message, event.invoiceId(), InvoiceStatus.FAILED, event.messages(), "failed",
                "HTTP " + event.httpStatus() + "; " + event.reason(), event.failedAt());
    }

    @EventHandler
    void on(InvoiceRejectedEvent event, EventMessage<?> message) {
        List<ZatcaMessage> messages = Stream.concat(event.errors().stream(), event.warnings().stream()).toList();
        settle(message, event.invoiceId(), InvoiceStatus.REJECTED, messages, "rejected",
                "HTTP " + event.httpStatus() + "; " + summary(messages), event.rejectedAt());
    }

    private static String resent(boolean resent) {
        return resent ? "ZATCA had it already (a resend after a lost answer); " : "";
    }

    @ResetHandler
    void reset() {
        // not a delete: that would leave every old row behind as a dead tuple for the rebuild to wade through
        jdbc.execute("truncate invoice_view");
    }

    private void settle(EventMessage<?> message, UUID invoiceId, InvoiceStatus status, List<ZatcaMessage> messages,
                        String event, String detail, Instant at) {
        NewRow issuedThisBatch = newRowsOfThisBatch().get(invoiceId);
        if (issuedThisBatch != null) {
            issuedThisBatch.settle(status, toJson(messages), at, message.getIdentifier(), event, detail);
            return;
        }
        writes.updateInOrderOf(invoiceId, SETTLE,
                status.name(), toJson(messages), Timestamp.from(at),
                message.getIdentifier(), event, status.name(), detail, at.toString(),
                invoiceId, message.getIdentifier());
    }

    /** Rows inserted by this batch and not yet written, by invoice; nothing outside a processor's batch. */
    private static Map<UUID, NewRow> newRowsOfThisBatch() {
        return CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(NEW_ROWS, key -> new HashMap<>())
                : new HashMap<>();
    }

    /** An issued document's row until its batch writes it; a settlement in the same batch changes it first. */
    private final class NewRow {
        private final InvoiceIssuedEvent issued;
        private final List<Map<String, String>> steps = new ArrayList<>();
        private InvoiceStatus status;
        private String zatcaMessages = "[]";
        private Instant statusChangedAt;

        NewRow(InvoiceIssuedEvent issued, String eventId) {
            this.issued = issued;
            this.status = InvoiceStatus.pendingFor(issued.kind());
            this.statusChangedAt = issued.issuedAt();
            steps.add(step(eventId, "issued", status, "ICV " + issued.icv() + ", invoice hash " + issued.invoiceHash(),
                    issued.issuedAt()));
        }

        void settle(InvoiceStatus status, String zatcaMessages, Instant at, String eventId, String event, String detail) {
            this.status = status;
            this.zatcaMessages = zatcaMessages;
            this.statusChangedAt = at;
            steps.add(step(eventId, event, status, detail, at));
        }

        Object[] insertArguments() {
            InvoiceAmounts amounts = issued.amounts();
            return new Object[] {issued.invoiceId(), issued.accountId(), issued.egsUnitId(), issued.environment().name(),
                    issued.kind().name(), issued.documentType().name(), issued.invoiceNumber(),
                    Date.valueOf(issued.draft().issueDate()), issued.uuid(), issued.icv(), issued.previousInvoiceHash(),
                    issued.invoiceHash(), issued.qrCode(), status.name(), amounts.currency(), amounts.lineExtension(),
                    amounts.allowanceTotal(), amounts.taxExclusive(), amounts.taxTotal(), amounts.taxInclusive(),
                    amounts.payable(), amounts.chargeTotal(), amounts.prepaidAmount(), amounts.payableRoundingAmount(),
                    amounts.taxTotalSar(), amounts.exchangeRate(), content(issued.draft()), zatcaMessages,
                    Timestamp.from(issued.issuedAt()), Timestamp.from(statusChangedAt), toJson(steps)};
        }

        private static Map<String, String> step(String eventId, String event, InvoiceStatus status, String detail,
                                                Instant at) {
            Map<String, String> step = new LinkedHashMap<>();
            step.put("event_id", eventId);
            step.put("event", event);
            step.put("status", status.name());
            step.put("detail", detail);
            step.put("at", at.toString());
            return step;
        }
    }

    private static String summary(List<ZatcaMessage> messages) {
        return messages.isEmpty() ? null
                : messages.stream().map(m -> m.code() + ": " + m.message()).collect(Collectors.joining("; "));
    }

    private String content(InvoiceDraft draft) {
        try {
            return content.writeValueAsString(draft);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("draft not serialisable", e);
        }
    }

    private String toJson(List<?> values) {
        try {
            return json.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable: " + values, e);
        }
    }
}
