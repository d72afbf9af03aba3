package sa.qayd.command.webhook;

import java.util.UUID;

/** Where a webhook's sealed signing secret is kept for the deliveries: out of the event store, which auditors get. */
public interface WebhookSecrets {

    void keep(UUID webhookId, byte[] sealedSecret);
}
