package sa.qayd.api.webhook;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import sa.qayd.api.Caller;

/** Stops a webhook; its account's API key of its environment, or the dashboard session, may. */
public record DeleteWebhookCommand(@TargetAggregateIdentifier UUID webhookId, Caller caller) {
}
