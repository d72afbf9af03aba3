package sa.qayd.app.idempotency;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import sa.qayd.app.persistence.Intervals;
import org.springframework.stereotype.Repository;
import sa.qayd.platform.secret.MasterKey;

/**
 * Idempotency records in PostgreSQL, shared by all replicas. The primary key makes "first" a
 * single atomic insert, so two concurrent requests with one key can never both run. Kept answers
 * are encrypted with the master key: some carry a secret shown only once (a new API key, a
 * webhook signing secret).
 */
@Repository
class IdempotencyRecords {
    enum Kind { FIRST, REPLAY, IN_PROGRESS, REUSED_WITH_OTHER_REQUEST }

    record StoredResponse(int status, String contentType, byte[] body) {
    }

    /** {@code firstRunAt}: when the first run with the key began, the same for a retry that takes it over. */
    record Outcome(Kind kind, StoredResponse stored, Instant firstRunAt) {
        Outcome(Kind kind, StoredResponse stored) {
            this(kind, stored, null);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRecords.class);

    private final JdbcTemplate jdbc;
    private final MasterKey masterKey;

    IdempotencyRecords(JdbcTemplate jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
    }

    /**
     * Claims the key for a first run (a new key, or one whose first run died and let its lease
     * lapse), or says what became of the first run.
     */
    Outcome begin(String scope, String key, String fingerprint, Duration lease) {
        List<Instant> inserted = jdbc.query("""
                insert into idempotency_record (scope, idempotency_key, request_fingerprint, created_at, lease_until)
                values (?, ?, ?, now(), now() + ?) on conflict do nothing returning created_at""",
                (rs, row) -> rs.getTimestamp("created_at").toInstant(), scope, key, fingerprint, Intervals.of(lease));
        if (!inserted.isEmpty()) {
            return new Outcome(Kind.FIRST, null, inserted.get(0));
        }
        List<Instant> takenOver = jdbc.query("""
                update idempotency_record set lease_until = now() + ?
                where scope = ? and idempotency_key = ? and request_fingerprint = ? and response_status is null
                  and (lease_until is null or lease_until < now())
                returning created_at""",
                (rs, row) -> rs.getTimestamp("created_at").toInstant(), Intervals.of(lease), scope, key, fingerprint);
        if (!takenOver.isEmpty()) {
            log.info("Idempotency-Key {} of {}: the first request's process stopped renewing its lease; running the retry",
                    key, scope);
            return new Outcome(Kind.FIRST, null, takenOver.get(0));
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
                    masterKey.open(rs.getBytes("response_body"), context(scope, key))));
        }, scope, key);
        // the first request failed and was forgotten between our insert and our read: run again
        return existing.isEmpty() ? begin(scope, key, fingerprint, lease) : existing.get(0);
    }

    void renewLeases(Collection<IdempotencyLeases.Held> held, Duration lease) {
        jdbc.batchUpdate("""
                update idempotency_record set lease_until = now() + ?
                where scope = ? and idempotency_key = ? and response_status is null""",
                held.stream().map(h -> new Object[] {Intervals.of(lease), h.scope(), h.key()}).toList());
    }


    void complete(String scope, String key, StoredResponse response) {
        jdbc.update("""
                update idempotency_record set response_status = ?, response_content_type = ?, response_body = ?
                where scope = ? and idempotency_key = ?""",
                response.status(), response.contentType(), masterKey.seal(response.body(), context(scope, key)), scope, key);
    }

    private static byte[] context(String scope, String key) {
        return ("idempotency/" + scope + "/" + key).getBytes(StandardCharsets.UTF_8);
    }

    int forgetOlderThan(Instant cutoff) {
        return jdbc.update("delete from idempotency_record where created_at < ?", Timestamp.from(cutoff));
    }

    void forget(String scope, String key) {
        jdbc.update("delete from idempotency_record where scope = ? and idempotency_key = ?", scope, key);
    }
}
