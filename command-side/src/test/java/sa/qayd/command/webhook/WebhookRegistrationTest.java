package sa.qayd.command.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static sa.qayd.command.Fixtures.refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.qayd.api.Actor;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.webhook.DeleteWebhookCommand;
import sa.qayd.api.webhook.RegisterWebhookCommand;
import sa.qayd.api.webhook.WebhookDeletedEvent;
import sa.qayd.api.webhook.WebhookRegisteredEvent;

class WebhookRegistrationTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final AggregateTestFixture<Webhook> fixture = new AggregateTestFixture<>(Webhook.class);
    private final Map<UUID, byte[]> secrets = new HashMap<>();
    private final UUID webhookId = UUID.randomUUID();
    private final UUID accountId = UUID.randomUUID();
    private final WebhookRegisteredEvent registered = new WebhookRegisteredEvent(webhookId, accountId, Environment.SANDBOX,
            "https://erp.example.com/qayd", List.of("invoice.cleared"), "ERP", NOW);

    @BeforeEach
    void injectTheCollaborators() {
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((WebhookSecrets) secrets::put);
    }

    @Test
    void registeringKeepsTheSealedSecretOutOfTheEvent() {
        byte[] sealed = {1, 2, 3};
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhookCommand(webhookId, accountId, Environment.SANDBOX, "https://erp.example.com/qayd",
                        List.of("invoice.cleared"), "ERP", sealed))
                .expectEvents(registered);
        assertThat(secrets).containsEntry(webhookId, sealed);
    }

    @Test
    void theOwnerDeletesItOnceAndTheEventSaysWho() {
        Caller key = Caller.apiKey(accountId, UUID.randomUUID(), Environment.SANDBOX, null);
        fixture.given(registered)
                .when(new DeleteWebhookCommand(webhookId, key))
                .expectEvents(new WebhookDeletedEvent(webhookId, accountId, Actor.of(key), NOW));
        fixture.given(registered, new WebhookDeletedEvent(webhookId, accountId, Actor.of(key), NOW))
                .when(new DeleteWebhookCommand(webhookId, Caller.session(accountId)))
                .expectException(refusal(ErrorCode.WEBHOOK_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void anotherAccountCannotTellItExistsAndTheOtherEnvironmentCannotTouchIt() {
        fixture.given(registered)
                .when(new DeleteWebhookCommand(webhookId, Caller.session(UUID.randomUUID())))
                .expectException(refusal(ErrorCode.WEBHOOK_NOT_FOUND))
                .expectNoEvents();
        fixture.given(registered)
                .when(new DeleteWebhookCommand(webhookId, Caller.apiKey(accountId, UUID.randomUUID(), Environment.PRODUCTION, null)))
                .expectException(refusal(ErrorCode.ENVIRONMENT_MISMATCH))
                .expectNoEvents();
    }
}
