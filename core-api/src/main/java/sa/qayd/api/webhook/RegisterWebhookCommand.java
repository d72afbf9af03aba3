package sa.qayd.api.webhook;

import java.util.List;
import java.util.UUID;
import sa.qayd.api.Environment;

/**
 * Registers where an account's invoice and EGS unit events are sent. The signing secret comes sealed with
 * the master key: it is kept beside the webhook for signing, never in an event.
 *
 * @param eventTypes the public webhook event types ({@code invoice.cleared}, …), checked by the sender
 */
public record RegisterWebhookCommand(UUID webhookId, UUID accountId, Environment environment, String url,
                                     List<String> eventTypes, String description, byte[] sealedSecret) {
    public RegisterWebhookCommand {
        eventTypes = List.copyOf(eventTypes);
    }
}
