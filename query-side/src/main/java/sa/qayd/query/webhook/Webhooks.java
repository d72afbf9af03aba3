package sa.qayd.query.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.platform.secret.MasterKey;

/**
 * The registrations. They are configuration of the integrator's account, not tax facts, so they
 * are plain rows rather than an event-sourced aggregate; deleting one keeps its delivery log.
 */
@Repository
class Webhooks {
    private static final String COLUMNS = """
            select webhook_id, account_id, environment, url, event_types, description, created_at from webhook""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MasterKey masterKey;

    Webhooks(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
        this.transaction = transaction;
        this.clock = clock;
    }

    Webhook register(UUID accountId, Environment environment, String url, List<WebhookEventType> events,
                     String description, WebhookSecret secret) {
        Webhook webhook = new Webhook(UUID.randomUUID(), accountId, environment, url, events, description,
                clock.instant());
        jdbc.update("""
                insert into webhook (webhook_id, account_id, environment, url, event_types, description, sealed_secret, created_at)
                values (?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?)""",
                webhook.id(), accountId, environment.name(), url,
                String.join(",", events.stream().map(WebhookEventType::wireName).toList()), description,
                secret.seal(masterKey, webhook.id()), Timestamp.from(webhook.createdAt()));
        return webhook;
    }

    /** The caller's live webhook; another account's is "not found", another environment's is refused. */
    Webhook find(Caller caller, UUID webhookId) {
        Webhook webhook = jdbc.query(COLUMNS + " where webhook_id = ? and account_id = ? and deleted_at is null",
                        this::webhook, webhookId, caller.accountId())
                .stream().findFirst()
                .orElseThrow(() -> new QaydException(ErrorCode.WEBHOOK_NOT_FOUND, "no webhook " + webhookId + " in this account"));
        if (!caller.canAct(webhook.environment())) {
            throw new QaydException(ErrorCode.ENVIRONMENT_MISMATCH, "webhook " + webhookId + " belongs to "
                    + webhook.environment().wireName() + "; a " + caller.keyEnvironment().wireName()
                    + " API key cannot touch it");
        }
        return webhook;
    }

    List<Webhook> list(UUID accountId, Environment scope) {
        StringBuilder sql = new StringBuilder(COLUMNS + " where account_id = ? and deleted_at is null");
        List<Object> args = new ArrayList<>(List.of(accountId));
        if (scope != null) {
            sql.append(" and environment = ?");
            args.add(scope.name());
        }
        sql.append(" order by created_at, webhook_id");
        return jdbc.query(sql.toString(), this::webhook, args.toArray());
    }

    /** Stops the webhook; what was still waiting to be sent is cancelled, the log stays. */
    void delete(Webhook webhook) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("update webhook set deleted_at = ? where webhook_id = ?", Timestamp.from(clock.instant()), webhook.id());
            jdbc.update("update webhook_delivery set status = ? where webhook_id = ? and status = ?",
                    DeliveryStatus.CANCELLED.name(), webhook.id(), DeliveryStatus.PENDING.name());
        });
    }

    private Webhook webhook(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("event_types");
        List<WebhookEventType> events = Arrays.stream((String[]) types.getArray())
                .map(name -> WebhookEventType.fromWire(name).orElseThrow(
                        () -> new IllegalStateException("webhook.event_types holds unknown type " + name)))
                .toList();
        return new Webhook(rs.getObject("webhook_id", UUID.class), rs.getObject("account_id", UUID.class),
                Environment.valueOf(rs.getString("environment")), rs.getString("url"), events,
                rs.getString("description"), rs.getTimestamp("created_at").toInstant());
    }
}
