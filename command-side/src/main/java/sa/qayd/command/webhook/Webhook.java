package sa.qayd.command.webhook;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import sa.qayd.api.Actor;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.api.webhook.DeleteWebhookCommand;
import sa.qayd.api.webhook.RegisterWebhookCommand;
import sa.qayd.api.webhook.WebhookDeletedEvent;
import sa.qayd.api.webhook.WebhookRegisteredEvent;

/**
 * Where an account's invoice data is sent: a fact for its auditors, so registered and stopped by events.
 * Deleting is final; the delivery log stays.
 */
@Aggregate
public class Webhook {
    @AggregateIdentifier
    private UUID webhookId;
    private UUID accountId;
    private Environment environment;
    private boolean deleted;

    protected Webhook() {
    }

    /** The signing secret is kept beside the webhook, sealed, in this command's transaction. */
    @CommandHandler
    public Webhook(RegisterWebhookCommand command, WebhookSecrets secrets, Clock clock) {
        secrets.keep(command.webhookId(), command.sealedSecret());
        apply(new WebhookRegisteredEvent(command.webhookId(), command.accountId(), command.environment(), command.url(),
                command.eventTypes(), command.description(), clock.instant()));
    }

    /** Another account's webhook, or a deleted one, is not found; the other environment's is refused openly. */
    @CommandHandler
    public void handle(DeleteWebhookCommand command, Clock clock) {
        Caller caller = command.caller();
        if (deleted || !accountId.equals(caller.accountId())) {
            throw new QaydException(ErrorCode.WEBHOOK_NOT_FOUND, "no webhook " + webhookId + " in this account");
        }
        if (!caller.canAct(environment)) {
            throw new QaydException(ErrorCode.ENVIRONMENT_MISMATCH, "webhook " + webhookId + " belongs to "
                    + environment.wireName() + "; a " + caller.keyEnvironment().wireName() + " API key cannot touch it");
        }
        apply(new WebhookDeletedEvent(webhookId, accountId, Actor.of(caller), clock.instant()));
    }

    @EventSourcingHandler
    void on(WebhookRegisteredEvent event) {
        webhookId = event.webhookId();
        accountId = event.accountId();
        environment = event.environment();
    }

    @EventSourcingHandler
    void on(WebhookDeletedEvent event) {
        deleted = true;
    }
}
