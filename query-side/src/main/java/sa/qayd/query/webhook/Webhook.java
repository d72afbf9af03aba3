package sa.qayd.query.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import sa.qayd.api.Environment;

/** A registered endpoint of one account in one environment. */
record Webhook(UUID id, UUID accountId, Environment environment, String url, List<WebhookEventType> events,
               String description, Instant createdAt) {
}
