package sa.qayd.app.idempotency;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Idempotency records in PostgreSQL, shared by all replicas. The primary key makes "first" a
 * single atomic insert, so two concurrent requests with one key can never both run.
 */
@Repository
class IdempotencyRecords {
    enum Kind { FIRST, REPLAY, IN_PROGRESS, REUSED_WITH_OTHER_REQUEST }

    record StoredResponse(int status, String contentType, byte[] body) {
    }

    record Outcome(Kind kind, StoredResponse stored) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Outcome begin(String scope, String key, String fingerprint) {
        int inserted = jdbc.update("""
                insert into idempotency_record (scope, idempotency_key, request_fingerprint, created_at)
                values (?, ?, ?, now()) on conflict do nothing""", scope, key, fingerprint);
        if (inserted == 1) {
            return new Outcome(Kind.FIRST, null);
        }
        List<Outcome> existing = jdbc.query("""
                select request_fingerprint, response_status, response_content_type, response_body
                from idempotency_record where scope = ? and idempotency_key = ?""", (rs, row) -> {
            if (!rs.getString("request_fingerprint").equals(fingerprint)) {
                return new Outcome(Kind.REUSED_WITH_OTHER_REQUEST, null);
            }
            int status = rs.getInt("response_status");
            if (rs.wasNull()) {
                return new Outcome(Kind.IN_PROGRESS, null);
            }
            return new Outcome(Kind.REPLAY, new StoredResponse(status, rs.getString("response_content_type"),
                    rs.getBytes("response_body")));
        }, scope, key);
        // the first request failed and was forgotten between our insert and our read: run again
        return existing.isEmpty() ? begin(scope, key, fingerprint) : existing.get(0);
    }

    void complete(String scope, String key, StoredResponse response) {
        jdbc.update("""
                update idempotency_record set response_status = ?, response_content_type = ?, response_body = ?
                where scope = ? and idempotency_key = ?""",
                response.status(), response.contentType(), response.body(), scope, key);
    }

    void forget(String scope, String key) {
        jdbc.update("delete from idempotency_record where scope = ? and idempotency_key = ?", scope, key);
    }
}
