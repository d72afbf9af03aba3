package sa.qayd.query.invoice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import sa.qayd.api.Environment;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.invoice.AllowanceChargeDraft;
import sa.qayd.api.invoice.Buyer;
import sa.qayd.api.invoice.InvoiceAmounts;
import sa.qayd.api.invoice.InvoiceDraft;

/** SQL over invoice_view. Always scoped to one account; the caller's environment rules are the controller's. */
@Repository
class InvoiceReads {
    private static final String COLUMNS = """
            invoice_id, egs_unit_id, environment, kind, document_type, invoice_number, issue_date, icv, uuid,
            invoice_hash, previous_invoice_hash, qr_code, status, currency, line_extension, allowance_total,
            tax_exclusive, tax_total, tax_inclusive, payable, charge_total, prepaid_amount, payable_rounding_amount,
            tax_total_sar, exchange_rate, zatca_messages, submission_attempts, next_attempt_at, last_delay_reason,
            issued_at, status_changed_at""";
    private static final TypeReference<List<ZatcaMessage>> MESSAGES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ObjectMapper eventJson;

    InvoiceReads(JdbcTemplate jdbc, ObjectMapper json, @Qualifier("defaultAxonObjectMapper") ObjectMapper eventJson) {
        this.jdbc = jdbc;
        this.json = json;
        this.eventJson = eventJson;
    }

    Optional<InvoiceView> find(UUID accountId, UUID invoiceId) {
        return jdbc.query("select " + COLUMNS + ", status_history, content from invoice_view where account_id = ? and invoice_id = ?",
                (rs, row) -> view(rs, history(rs.getString("status_history")), details(rs.getString("content"))),
                accountId, invoiceId).stream().findFirst();
    }

    /** The document's content from the issued draft the row keeps (without its lines); null if the row has none. */
    private InvoiceView.Details details(String content) {
        if (content == null) {
            return null;
        }
        InvoiceDraft draft;
        try {
            draft = eventJson.readValue(content, InvoiceDraft.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("invoice_view.content is not an issued draft", e);
        }
        Buyer buyer = draft.buyer();
        InvoiceDraft.Amendment amendment = draft.amendment();
        return new InvoiceView.Details(
                buyer == null ? null : new InvoiceView.Buyer(buyer.name(), buyer.vatNumber(), buyer.identification(), buyer.address()),
                amendment == null ? null : amendment.originalInvoiceId(),
                amendment == null ? null : amendment.billingReference(),
                amendment == null ? null : amendment.reason(),
                draft.note(), draft.supplyDate(), draft.supplyEndDate(), draft.invoicePeriod(), draft.flags(),
                draft.purchaseOrderReference(), draft.contractReference(), draft.paymentMeansCode(),
                draft.allowanceCharges().stream().filter(ac -> !ac.charge()).toList(),
                draft.allowanceCharges().stream().filter(AllowanceChargeDraft::charge).toList(),
                draft.prepayments());
    }

    /** The row's status_history steps, in event order; {@code at} is an ISO-8601 time with its offset. */
    private List<InvoiceView.StatusChange> history(String stored) {
        try {
            List<InvoiceView.StatusChange> history = new ArrayList<>();
            for (JsonNode step : json.readTree(stored)) {
                history.add(new InvoiceView.StatusChange(step.path("event").asText(), wire(step.path("status").asText()),
                        step.path("detail").textValue(),
                        OffsetDateTime.parse(step.path("at").asText()).toInstant()));
            }
            return history;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("invoice_view.status_history is not JSON", e);
        }
    }

    /** One page, newest first, plus one row more than asked to tell whether another page follows. */
    List<InvoiceView> page(UUID accountId, InvoiceFilter filter) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from invoice_view where account_id = ?");
        List<Object> args = new ArrayList<>(List.of(accountId));
        narrow(sql, args, "environment = ?", filter.environment() == null ? null : filter.environment().name());
        narrow(sql, args, "egs_unit_id = ?", filter.egsUnitId());
        narrow(sql, args, "kind = ?", filter.kind() == null ? null : filter.kind().name());
        narrow(sql, args, "document_type = ?", filter.documentType() == null ? null : filter.documentType().name());
        narrow(sql, args, "status = ?", filter.status() == null ? null : filter.status().name());
        narrow(sql, args, "issue_date >= ?", filter.issuedFrom() == null ? null : Date.valueOf(filter.issuedFrom()));
        narrow(sql, args, "issue_date <= ?", filter.issuedTo() == null ? null : Date.valueOf(filter.issuedTo()));
        if (filter.after() != null) {
            sql.append(" and (issued_at, invoice_id) < (?, ?)");
            args.add(Timestamp.from(filter.after().issuedAt()));
            args.add(filter.after().invoiceId());
        }
        sql.append(" order by issued_at desc, invoice_id desc limit ?");
        args.add(filter.limit() + 1);
        return jdbc.query(sql.toString(), (rs, row) -> view(rs, null, null), args.toArray());
    }

    /** Which environment the account's invoice belongs to; empty when the account has no such invoice. */
    Optional<Environment> environment(UUID accountId, UUID invoiceId) {
        return jdbc.query("select environment from invoice_view where account_id = ? and invoice_id = ?",
                (rs, row) -> Environment.valueOf(rs.getString("environment")), accountId, invoiceId).stream().findFirst();
    }

    private static void narrow(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            args.add(value);
        }
    }

    private InvoiceView view(ResultSet rs, List<InvoiceView.StatusChange> history, InvoiceView.Details details)
            throws SQLException {
        UUID id = rs.getObject("invoice_id", UUID.class);
        Timestamp nextAttempt = rs.getTimestamp("next_attempt_at");
        String self = "/v1/invoices/" + id;
        return new InvoiceView(id, rs.getObject("egs_unit_id", UUID.class), wire(rs.getString("environment")),
                wire(rs.getString("kind")), wire(rs.getString("document_type")), rs.getString("invoice_number"),
                rs.getDate("issue_date").toLocalDate(), rs.getLong("icv"), rs.getObject("uuid", UUID.class),
                rs.getString("invoice_hash"), rs.getString("previous_invoice_hash"), rs.getString("qr_code"),
                wire(rs.getString("status")),
                new InvoiceAmounts(rs.getString("currency"), rs.getBigDecimal("line_extension"),
                        rs.getBigDecimal("allowance_total"), rs.getBigDecimal("tax_exclusive"),
                        rs.getBigDecimal("tax_total"), rs.getBigDecimal("tax_inclusive"), rs.getBigDecimal("payable"),
                        rs.getBigDecimal("charge_total"), rs.getBigDecimal("prepaid_amount"),
                        rs.getBigDecimal("payable_rounding_amount"), rs.getBigDecimal("tax_total_sar"),
                        rate(rs.getBigDecimal("exchange_rate"))),
                messages(rs.getString("zatca_messages")),
                new InvoiceView.Submission(rs.getInt("submission_attempts"),
                        nextAttempt == null ? null : nextAttempt.toInstant(), rs.getString("last_delay_reason")),
                self + "/pdf", self + "/xml", rs.getTimestamp("issued_at").toInstant(),
                rs.getTimestamp("status_changed_at").toInstant(), history, details);
    }

    /** The rate as the integrator sent it, without the column's padding (3.750000 → 3.75). */
    private static BigDecimal rate(BigDecimal stored) {
        return stored == null ? null : stored.stripTrailingZeros();
    }

    private List<ZatcaMessage> messages(String stored) {
        try {
            return json.readValue(stored, MESSAGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("invoice_view.zatca_messages is not JSON", e);
        }
    }

    private static String wire(String enumName) {
        return enumName.toLowerCase(Locale.ROOT);
    }
}
