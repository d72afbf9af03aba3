package sa.qayd.command.apikey;

import static sa.qayd.command.Fixtures.refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.apikey.ApiKeyIssuedEvent;
import sa.qayd.api.apikey.ApiKeyRevokedEvent;
import sa.qayd.api.apikey.RevokeApiKeyCommand;

class ApiKeyTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final FixtureConfiguration<ApiKey> fixture = new AggregateTestFixture<>(ApiKey.class)
            .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    private final UUID accountId = UUID.randomUUID();
    private final UUID keyId = UUID.randomUUID();
    private final ApiKeyIssuedEvent issued = new ApiKeyIssuedEvent(keyId, accountId, Environment.SANDBOX, "ci",
            "b".repeat(64), "qk_sandbox_…wxyz", NOW);

    @Test
    void theOwnerRevokesAKeyOnce() {
        fixture.given(issued)
                .when(new RevokeApiKeyCommand(keyId, Caller.apiKey(accountId, UUID.randomUUID(), Environment.SANDBOX, null)))
                .expectEvents(new ApiKeyRevokedEvent(keyId, accountId, NOW));
    }

    @Test
    void revokingAgainChangesNothing() {
        fixture.given(issued, new ApiKeyRevokedEvent(keyId, accountId, NOW))
                .when(new RevokeApiKeyCommand(keyId, Caller.session(accountId)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherAccountCannotTellTheKeyExists() {
        fixture.given(issued)
                .when(new RevokeApiKeyCommand(keyId, Caller.session(UUID.randomUUID())))
                .expectException(refusal(ErrorCode.API_KEY_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aProductionKeyCannotManageASandboxKey() {
        fixture.given(issued)
                .when(new RevokeApiKeyCommand(keyId, Caller.apiKey(accountId, UUID.randomUUID(), Environment.PRODUCTION, null)))
                .expectException(refusal(ErrorCode.ENVIRONMENT_MISMATCH))
                .expectNoEvents();
    }
}
