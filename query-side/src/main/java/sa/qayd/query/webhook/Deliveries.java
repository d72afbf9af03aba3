package sa.qayd.query.webhook;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import sa.qayd.query.processing.ProjectionWrites;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.platform.secret.MasterKey;

/**
 * The outbox of webhook deliveries and their log. Every replica's worker takes due rows with
 * {@code FOR UPDATE SKIP LOCKED}, so no delivery is attempted by two replicas at once.
 */
@Repository
class Deliveries {
    private static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcTemplate jdbc;
    private final ProjectionWrites writes;
    private final Clock clock;
    private final MasterKey masterKey;

    Deliveries(JdbcTemplate jdbc, ProjectionWrites writes, Clock clock, MasterKey masterKey) {
        this.masterKey = masterKey;
        this.jdbc = jdbc;
        this.writes = writes;
        this.clock = clock;
    }

    /** An event of one invoice or unit ({@code subjectId}), ready to sign and send. */
    record Event(String id, WebhookEventType type, Instant occurredAt, UUID accountId, Environment environment,
                 UUID subjectId, String payload) {
    }

    /**
     * One delivery for every live webhook of the event's account and environment that subscribes to
     * its type and already existed when it happened: a webhook gets what happens after it is
     * registered, never history. Runs in the processor's transaction, so it is written the way
     * projections write: a failure dead-letters this event only.
     */
    void enqueue(Event event) {
        Timestamp now = Timestamp.from(clock.instant());
        writes.update("""
                insert into webhook_delivery (delivery_id, webhook_id, event_id, event_type, subject_id, payload, status,
                                              next_attempt_at, retrying_since, created_at)
                select gen_random_uuid(), w.webhook_id, ?, ?, ?, ?, ?, ?, ?, ?
                from webhook w
                where w.account_id = ? and w.environment = ? and ? = any (w.event_types) and w.deleted_at is null
                  and w.created_at <= ?
                on conflict (webhook_id, event_id) do nothing""",
                event.id(), event.type().wireName(), event.subjectId(), event.payload(), DeliveryStatus.PENDING.name(),
                now, now, now, event.accountId(), event.environment().name(), event.type().wireName(),
                Timestamp.from(event.occurredAt()));
    }

    /** A delivery this worker now owns for one attempt; {@code attempts} counts this one. */
    record Claimed(UUID deliveryId, String eventId, String url, WebhookSecret secret, String payload, int attempts,
                   Instant retryingSince) {
    }

    /**
     * Takes up to {@code limit} due deliveries and hides them from other workers for {@code lease}.
     * A delivery is not due while an earlier one of the same invoice or unit to the same webhook is
     * still pending: that keeps each subject's events in order. Nothing goes to a deleted webhook,
     * not even what the outbox added while it was being deleted.
     */
    List<Claimed> claimDue(int limit, Duration lease) {
        Instant now = clock.instant();
        return jdbc.query("""
                with due as (
                    select d.delivery_id from webhook_delivery d
                    join webhook live on live.webhook_id = d.webhook_id and live.deleted_at is null
                    where d.status = ? and d.next_attempt_at <= ?
                      and not exists (select 1 from webhook_delivery earlier
                                      where earlier.webhook_id = d.webhook_id and earlier.subject_id = d.subject_id
                                        and earlier.status = ? and earlier.position < d.position)
                    order by d.next_attempt_at
                    limit ?
                    for update of d skip locked)
                update webhook_delivery d
                set attempts = d.attempts + 1, last_attempt_at = ?, next_attempt_at = ?
                from due, webhook w, webhook_secret s
                where d.delivery_id = due.delivery_id and w.webhook_id = d.webhook_id and s.webhook_id = w.webhook_id
                returning d.delivery_id, d.event_id, w.webhook_id, w.url, s.sealed_secret, d.payload, d.attempts, d.retrying_since""",
                (rs, row) -> new Claimed(rs.getObject("delivery_id", UUID.class), rs.getString("event_id"),
                        rs.getString("url"), WebhookSecret.open(masterKey, rs.getObject("webhook_id", UUID.class),
                                rs.getBytes("sealed_secret")), rs.getString("payload"),
                        rs.getInt("attempts"), rs.getTimestamp("retrying_since").toInstant()),
                DeliveryStatus.PENDING.name(), Timestamp.from(now), DeliveryStatus.PENDING.name(), limit,
                Timestamp.from(now), Timestamp.from(now.plus(lease)));
    }

    /** A receiver took a delivery: it answered {@code statusCode} (2xx) at {@code at}. */
    record Delivered(UUID deliveryId, int statusCode, Instant at) {
    }

    /** Records a round's deliveries in one statement: one commit for the round, not one per delivery. */
    void delivered(List<Delivered> delivered) {
        if (delivered.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    update webhook_delivery d set status = ?, delivered_at = taken.at, last_status_code = taken.code,
                        last_error = null
                    from unnest(?, ?, ?) as taken(id, code, at)
                    where d.delivery_id = taken.id and d.status = ?""");
            statement.setString(1, DeliveryStatus.DELIVERED.name());
            statement.setArray(2, connection.createArrayOf("uuid",
                    delivered.stream().map(Delivered::deliveryId).toArray()));
            statement.setArray(3, connection.createArrayOf("int4",
                    delivered.stream().map(Delivered::statusCode).toArray()));
            statement.setArray(4, connection.createArrayOf("timestamptz",
                    delivered.stream().map(taken -> Timestamp.from(taken.at())).toArray()));
            statement.setString(5, DeliveryStatus.PENDING.name());
            return statement;
        });
    }

    /** Records a failed attempt: due again at {@code nextAttempt}, or given up when there is none. */
    void attemptFailed(Claimed delivery, Integer statusCode, String error, Optional<Instant> nextAttempt) {
        String truncated = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        jdbc.update("""
                update webhook_delivery set status = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?
                where delivery_id = ? and status = ?""",
                (nextAttempt.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED).name(),
                Timestamp.from(nextAttempt.orElseGet(clock::instant)), statusCode, truncated, delivery.deliveryId(),
                DeliveryStatus.PENDING.name());
    }

    /** One line of a webhook's delivery log. */
    record LogEntry(UUID id, String eventId, String eventType, UUID subjectId, DeliveryStatus status, int attempts,
                    Integer lastStatusCode, String lastError, Instant lastAttemptAt, Instant nextAttemptAt,
                    Instant deliveredAt, Instant createdAt, long position) {
    }

    private static final String LOG_COLUMNS = """
            select delivery_id, event_id, event_type, subject_id, status, attempts, last_status_code, last_error,
                   last_attempt_at, next_attempt_at, delivered_at, created_at, position
            from webhook_delivery""";

    /** Newest first; {@code before} is the position of the last entry of the previous page, or null. */
    List<LogEntry> log(UUID webhookId, Long before, int limit) {
        StringBuilder sql = new StringBuilder(LOG_COLUMNS + " where webhook_id = ?");
        List<Object> args = new ArrayList<>(List.of(webhookId));
        if (before != null) {
            sql.append(" and position < ?");
            args.add(before);
        }
        sql.append(" order by position desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), Deliveries::logEntry, args.toArray());
    }

    /** Sends a delivered or given-up event again, with a fresh retry window. */
    LogEntry redeliver(UUID webhookId, UUID deliveryId) {
        Instant now = clock.instant();
        int updated = jdbc.update("""
                update webhook_delivery set status = ?, next_attempt_at = ?, retrying_since = ?
                where webhook_id = ? and delivery_id = ? and status in (?, ?)""",
                DeliveryStatus.PENDING.name(), Timestamp.from(now), Timestamp.from(now), webhookId, deliveryId,
                DeliveryStatus.DELIVERED.name(), DeliveryStatus.FAILED.name());
        LogEntry entry = jdbc.query(LOG_COLUMNS + " where webhook_id = ? and delivery_id = ?", Deliveries::logEntry,
                        webhookId, deliveryId).stream().findFirst()
                .orElseThrow(() -> new QaydException(ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND,
                        "webhook " + webhookId + " has no delivery " + deliveryId));
        if (updated == 0) {
            throw new QaydException(ErrorCode.WEBHOOK_DELIVERY_PENDING, "delivery " + deliveryId
                    + " is still pending: Qayd tries again by itself at " + entry.nextAttemptAt());
        }
        return entry;
    }

    private static LogEntry logEntry(ResultSet rs, int row) throws SQLException {
        return new LogEntry(rs.getObject("delivery_id", UUID.class), rs.getString("event_id"), rs.getString("event_type"),
                rs.getObject("subject_id", UUID.class), DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getObject("last_status_code", Integer.class), rs.getString("last_error"),
                instant(rs, "last_attempt_at"), instant(rs, "next_attempt_at"), instant(rs, "delivered_at"),
                instant(rs, "created_at"), rs.getLong("position"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
