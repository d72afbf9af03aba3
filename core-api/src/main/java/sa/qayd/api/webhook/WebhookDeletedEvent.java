package sa.qayd.api.webhook;

import java.time.Instant;
import java.util.UUID;
import sa.qayd.api.Actor;

/** Nothing more is sent to the webhook; what waited to be sent is cancelled. {@code deletedBy} says who stopped it. */
public record WebhookDeletedEvent(UUID webhookId, UUID accountId, Actor deletedBy, Instant deletedAt) {
}
