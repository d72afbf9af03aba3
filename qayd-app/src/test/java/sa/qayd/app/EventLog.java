package sa.qayd.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the event store directly, as an auditor would: the events are the source of truth. */
public final class EventLog {
    private final JdbcTemplate jdbc;

    public EventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Payloads of one event type (simple class name) whose JSON field {@code field} equals {@code value}, in store order. */
    public List<JsonNode> events(String type, String field, Object value) {
        return jdbc.query("""
                select convert_from(payload, 'UTF8') as json from domain_event_entry
                where payload_type like ? order by global_index""",
                (rs, row) -> parse(rs.getString("json")), "%." + type).stream()
                .filter(event -> event.path(field).asText().equals(String.valueOf(value)))
                .toList();
    }

    private static JsonNode parse(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event payload that is not JSON: " + json, e);
        }
    }
}
