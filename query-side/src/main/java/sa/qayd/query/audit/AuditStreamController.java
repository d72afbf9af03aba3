package sa.qayd.query.audit;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Operation;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.FieldError;
import sa.qayd.api.QaydException;
import sa.qayd.api.account.AccountRegisteredEvent;
import sa.qayd.api.egs.EgsOnboardingRestartedEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.query.processing.EventGaps;
import sa.qayd.query.processing.ProcessorTokens;

/**
 * GET /v1/audit/events: the account's own events as NDJSON, in global order, read page by page from
 * the event store and written as they are read. Payloads are the stored JSON, unchanged (with the
 * stored revision), except the login's password hash. An API key sees its environment's aggregates
 * and the account's own events; the dashboard session sees both environments.
 */
@RestController
class AuditStreamController {
    static final String MEDIA_TYPE = "application/x-ndjson";
    /** The position up to which the stream is complete; resuming with after=<it> loses nothing. */
    static final String COMPLETE_THROUGH = "Qayd-Audit-Complete-Through";
    private static final int PAGE = 500;
    private static final String REDACTED = "[redacted]";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ProcessorTokens tokens;
    private final EventGaps gaps;

    AuditStreamController(JdbcTemplate jdbc, ObjectMapper json, ProcessorTokens tokens, EventGaps gaps) {
        this.jdbc = jdbc;
        this.json = json;
        this.tokens = tokens;
        this.gaps = gaps;
    }

    private record StoredEvent(long position, String aggregateId, String aggregateType, long sequence, String eventType,
                               String revision, String timestamp, byte[] payload) {
    }

    @Operation(summary = "The account's events as NDJSON",
            description = "Resumable from a position (after); the header Qayd-Audit-Complete-Through is the "
                    + "position up to which the stream is complete. bin/verify-history re-checks an export "
                    + "offline.")
    @ApiResponse(responseCode = "200", description = "One event per line: position, aggregate, sequence, type, "
            + "timestamp, payload", content = @Content(mediaType = MEDIA_TYPE,
            schema = @Schema(type = "string")))
    @GetMapping("/v1/audit/events")
    void events(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "0") String after,
                @RequestParam(required = false) String environment, HttpServletResponse response) throws IOException {
        long from = position(after);
        Environment scope = caller.listingScope(environment == null ? null : Environment.fromWire(environment));
        long through = completeThrough();
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(COMPLETE_THROUGH, Long.toString(Math.max(from, through)));
        OutputStream out = response.getOutputStream();
        List<StoredEvent> page;
        do {
            page = page(caller.accountId(), scope, from, through);
            for (StoredEvent event : page) {
                write(event, out);
            }
            out.flush();
            if (!page.isEmpty()) {
                from = page.get(page.size() - 1).position();
            }
        } while (page.size() == PAGE);
    }

    /**
     * Every event up to here has been attributed to its account (see {@link AggregateOwnerProjection}),
     * not counting gaps in the global index that will never be filled ({@link EventGaps}).
     */
    private long completeThrough() {
        return tokens.of(AggregateOwnerProjection.GROUP).stream().mapToLong(segment -> gaps.completeThrough(segment.token()))
                .min().orElse(-1);
    }

    private List<StoredEvent> page(UUID accountId, Environment scope, long after, long through) {
        StringBuilder sql = new StringBuilder("""
                select e.global_index, e.aggregate_identifier, e.type, e.sequence_number, e.payload_type,
                       e.payload_revision, e.time_stamp, e.payload
                from domain_event_entry e join audit_aggregate_owner o on o.aggregate_identifier = e.aggregate_identifier
                where o.account_id = ? and e.global_index > ? and e.global_index <= ?""");
        List<Object> args = new ArrayList<>(List.of(accountId, after, through));
        if (scope != null) {
            sql.append(" and (o.environment is null or o.environment = ?)");
            args.add(scope.name());
        }
        sql.append(" order by e.global_index limit ").append(PAGE);
        return jdbc.query(sql.toString(), (rs, row) -> new StoredEvent(rs.getLong("global_index"),
                rs.getString("aggregate_identifier"), rs.getString("type"), rs.getLong("sequence_number"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                rs.getBytes("payload")), args.toArray());
    }

    /**
     * Secrets that events stored before they were kept out of events carry: the password hash, and the
     * EGS OTP of units registered (or restarted) before the OTP moved to the encrypted secret store.
     */
    private static final java.util.Map<String, String> SECRET_FIELDS = java.util.Map.of(
            AccountRegisteredEvent.class.getName(), "passwordHash",
            EgsUnitRegisteredEvent.class.getName(), "otp",
            EgsOnboardingRestartedEvent.class.getName(), "otp");

    private void write(StoredEvent event, OutputStream out) throws IOException {
        try (JsonGenerator line = json.getFactory().createGenerator(out)) {
            line.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            line.writeStartObject();
            line.writeNumberField("position", event.position());
            line.writeStringField("aggregate_id", event.aggregateId());
            line.writeStringField("aggregate_type", event.aggregateType());
            line.writeNumberField("sequence", event.sequence());
            line.writeStringField("event_type", event.eventType());
            line.writeStringField("revision", event.revision());
            line.writeStringField("timestamp", event.timestamp());
            line.writeFieldName("payload");
            String secretField = SECRET_FIELDS.get(event.eventType());
            if (secretField != null) {
                ObjectNode payload = (ObjectNode) json.readTree(event.payload());
                if (payload.has(secretField)) {
                    payload.put(secretField, REDACTED);
                }
                line.writeTree(payload);
            } else {
                line.writeRawValue(new String(event.payload(), StandardCharsets.UTF_8));
            }
            line.writeEndObject();
        }
        out.write('\n');
    }

    private static long position(String after) {
        try {
            long position = Long.parseLong(after.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException ignored) {
            // refused below, with the field named
        }
        throw new QaydException(ErrorCode.VALIDATION_FAILED, "after must be a position (a whole number, 0 for the start)",
                List.of(new FieldError("after", "must be a whole number >= 0")));
    }
}
