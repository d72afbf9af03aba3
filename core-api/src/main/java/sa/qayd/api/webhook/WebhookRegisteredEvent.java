package sa.qayd.api.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import sa.qayd.api.Environment;

/** Invoice and EGS unit events of the account and environment are sent to {@code url} from now on. */
public record WebhookRegisteredEvent(UUID webhookId, UUID accountId, Environment environment, String url,
                                     List<String> eventTypes, String description, Instant registeredAt) {
    public WebhookRegisteredEvent {
        eventTypes = List.copyOf(eventTypes);
    }
}
