package sa.qayd.query.audit;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Operation;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.qayd.api.Actor;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.FieldError;
import sa.qayd.api.QaydException;
import sa.qayd.platform.privacy.PersonalDataKeys;
import sa.qayd.query.processing.EventGaps;
import sa.qayd.query.processing.ProcessorTokens;

/**
 * GET /v1/audit/events: the account's own events as NDJSON, in global order, read page by page from
 * the event store and written as they are read. Each line is an event as the model reads it today
 * (upcast to its current revision) under its documented public type and schema version, with the actor
 * and request that caused it (README, "Audit export"). No line carries a secret: none is in an event at
 * its current revision, and personal data shows as its value, or null once forgotten. An API key sees
 * its environment's aggregates and the account's own events; the dashboard session sees both
 * environments.
 */
@RestController
class AuditStreamController {
    static final String MEDIA_TYPE = "application/x-ndjson";
    /** The position up to which the stream is complete; resuming with after=<it> loses nothing. */
    static final String COMPLETE_THROUGH = "Qayd-Audit-Complete-Through";
    private static final int PAGE = 500;

    private final JdbcTemplate jdbc;
    private final ObjectMapper publicJson;
    private final ProcessorTokens tokens;
    private final EventGaps gaps;
    private final Configuration axon;
    private final PersonalDataKeys personalData;

    AuditStreamController(JdbcTemplate jdbc, ObjectMapper json, ProcessorTokens tokens, EventGaps gaps,
                          Configuration axon, PersonalDataKeys personalData) {
        this.jdbc = jdbc;
        this.publicJson = json.copy().registerModule(new SimpleModule().addSerializer(new PersonalDataSerializer()));
        this.tokens = tokens;
        this.gaps = gaps;
        this.axon = axon;
        this.personalData = personalData;
    }

    private record StoredEvent(long position, GenericDomainEventEntry<byte[]> entry) {
    }

    @Operation(summary = "The account's events as NDJSON",
            description = "Resumable from a position (after); the header Qayd-Audit-Complete-Through is the "
                    + "position up to which the stream is complete. bin/verify-history re-checks an export "
                    + "offline.")
    @ApiResponse(responseCode = "200", description = "One event per line, upcast to its type's current schema: "
            + "position, type (public, e.g. invoice.issued), schema_version, aggregate_id, sequence, occurred_at, actor, "
            + "request_id, data (README, \"Audit export\")", content = @Content(mediaType = MEDIA_TYPE,
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
        UUID accountId = caller.accountId();
        Function<String, Optional<String>> open = sealed -> personalData.open(accountId, sealed);
        List<StoredEvent> page;
        do {
            page = page(caller.accountId(), scope, from, through);
            for (StoredEvent event : page) {
                write(event, open, out);
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
                select e.global_index, e.aggregate_identifier, e.type, e.sequence_number, e.event_identifier,
                       e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data
                from domain_event_entry e join audit_aggregate_owner o on o.aggregate_identifier = e.aggregate_identifier
                where o.account_id = ? and e.global_index > ? and e.global_index <= ?""");
        List<Object> args = new ArrayList<>(List.of(accountId, after, through));
        if (scope != null) {
            sql.append(" and (o.environment is null or o.environment = ?)");
            args.add(scope.name());
        }
        sql.append(" order by e.global_index limit ").append(PAGE);
        return jdbc.query(sql.toString(), (rs, row) -> new StoredEvent(rs.getLong("global_index"),
                new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregate_identifier"),
                        rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getString("time_stamp"),
                        rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
                        rs.getBytes("meta_data"))), args.toArray());
    }

    /**
     * The stored event upcast to its current revision (as the aggregates and projections read it),
     * under its public name, with who caused it and on which request.
     */
    private void write(StoredEvent stored, Function<String, Optional<String>> openPersonalData, OutputStream out)
            throws IOException {
        DomainEventMessage<?> event = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored.entry()),
                axon.eventSerializer(), axon.upcasterChain()).next();
        Class<?> payloadType = event.getPayloadType();
        String type = PublicEventTypes.name(payloadType).orElseThrow(() -> new IllegalStateException(
                "event " + payloadType.getName() + " at position " + stored.position() + " has no public name"));
        Optional<Actor> actor = Actor.fromMetaData(event.getMetaData());
        Object requestId = event.getMetaData().get(Actor.REQUEST_ID);
        ObjectWriter data = publicJson.writer().withAttribute(PersonalDataSerializer.OPEN, openPersonalData);
        try (JsonGenerator line = publicJson.getFactory().createGenerator(out)) {
            line.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            line.writeStartObject();
            line.writeNumberField("position", stored.position());
            line.writeStringField("type", type);
            line.writeNumberField("schema_version", PublicEventTypes.schemaVersion(payloadType));
            line.writeStringField("aggregate_id", event.getAggregateIdentifier());
            line.writeNumberField("sequence", event.getSequenceNumber());
            line.writeStringField("occurred_at", event.getTimestamp().toString());
            line.writeFieldName("actor");
            if (actor.isPresent()) {
                line.writeStartObject();
                line.writeStringField("type", actor.get().type().wireName());
                line.writeStringField("id", actor.get().id());
                line.writeStringField("environment", actor.get().environment() == null ? null
                        : actor.get().environment().wireName());
                line.writeEndObject();
            } else {
                line.writeNull();
            }
            line.writeStringField("request_id", requestId == null ? null : requestId.toString());
            line.writeFieldName("data");
            line.writeRawValue(data.writeValueAsString(event.getPayload()));
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
