package sa.qayd.query.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.api.webhook.WebhookDeletedEvent;
import sa.qayd.api.webhook.WebhookRegisteredEvent;

/**
 * The registrations, from the Webhook aggregate's events. This group runs subscribing, in the
 * registering command's transaction, so a webhook is listed, and receives events, the moment its
 * registration is answered, and receives nothing once its deletion is; deleting keeps the delivery log.
 */
@Component
@ProcessingGroup(Webhooks.GROUP)
class Webhooks {
    static final String GROUP = "webhook-registrations";
    private static final String COLUMNS = """
            select webhook_id, account_id, environment, url, event_types, description, created_at from webhook""";

    private final JdbcTemplate jdbc;

    Webhooks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WebhookRegisteredEvent event) {
        jdbc.update("""
                insert into webhook (webhook_id, account_id, environment, url, event_types, description, created_at)
                values (?, ?, ?, ?, string_to_array(?, ','), ?, ?) on conflict (webhook_id) do nothing""",
                event.webhookId(), event.accountId(), event.environment().name(), event.url(),
                String.join(",", event.eventTypes()), event.description(), Timestamp.from(event.registeredAt()));
    }

    /** What was still waiting to be sent is cancelled, the log stays. */
    @EventHandler
    void on(WebhookDeletedEvent event) {
        Timestamp deletedAt = Timestamp.from(event.deletedAt());
        jdbc.update("update webhook set deleted_at = ? where webhook_id = ?", deletedAt, event.webhookId());
        jdbc.update("update webhook_delivery set status = ? where webhook_id = ? and status = ?",
                DeliveryStatus.CANCELLED.name(), event.webhookId(), DeliveryStatus.PENDING.name());
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
