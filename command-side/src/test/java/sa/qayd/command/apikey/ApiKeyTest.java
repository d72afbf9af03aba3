package sa.qayd.command.apikey;

import static sa.qayd.command.Fixtures.refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import sa.qayd.api.Actor;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.apikey.ApiKeyIssuedEvent;
import sa.qayd.api.apikey.ApiKeyRevokedEvent;
import sa.qayd.api.apikey.ChangeDefaultEgsUnitCommand;
import sa.qayd.api.apikey.DefaultEgsUnitClearedEvent;
import sa.qayd.api.apikey.DefaultEgsUnitSetEvent;
import sa.qayd.api.apikey.RevokeApiKeyCommand;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.command.egs.EgsUnitRegistrations;

class ApiKeyTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final FixtureConfiguration<ApiKey> fixture = new AggregateTestFixture<>(ApiKey.class)
            .registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC))
            .registerInjectableResource((EgsUnitRegistrations) this::unit);
    private final UUID accountId = UUID.randomUUID();
    private final UUID keyId = UUID.randomUUID();
    private final ApiKeyIssuedEvent issued = new ApiKeyIssuedEvent(keyId, accountId, Environment.SANDBOX, "ci",
            "qk_sandbox_…wxyz", NOW);

    private final UUID sandboxUnit = UUID.randomUUID();
    private final UUID productionUnit = UUID.randomUUID();
    private final UUID othersUnit = UUID.randomUUID();

    private Optional<EgsUnitRegisteredEvent> unit(UUID unitId) {
        UUID owner = unitId.equals(othersUnit) ? UUID.randomUUID() : accountId;
        Environment environment = unitId.equals(productionUnit) ? Environment.PRODUCTION : Environment.SANDBOX;
        return unitId.equals(sandboxUnit) || unitId.equals(productionUnit) || unitId.equals(othersUnit)
                ? Optional.of(new EgsUnitRegisteredEvent(unitId, owner, environment, "till", null, NOW))
                : Optional.empty();
    }

    private ChangeDefaultEgsUnitCommand changeDefault(UUID unitId) {
        return new ChangeDefaultEgsUnitCommand(keyId, Caller.session(accountId), unitId);
    }

    @Test
    void theKeyDecidesWhichUnitCanBeItsDefault() {
        fixture.given(issued).when(changeDefault(sandboxUnit))
                .expectEvents(new DefaultEgsUnitSetEvent(keyId, accountId, sandboxUnit));
        fixture.given(issued, new DefaultEgsUnitSetEvent(keyId, accountId, sandboxUnit)).when(changeDefault(sandboxUnit))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(issued, new DefaultEgsUnitSetEvent(keyId, accountId, sandboxUnit)).when(changeDefault(null))
                .expectEvents(new DefaultEgsUnitClearedEvent(keyId, accountId));
        fixture.given(issued).when(changeDefault(othersUnit))
                .expectException(refusal(ErrorCode.EGS_UNIT_NOT_FOUND)).expectNoEvents();
        fixture.given(issued).when(changeDefault(UUID.randomUUID()))
                .expectException(refusal(ErrorCode.EGS_UNIT_NOT_FOUND)).expectNoEvents();
        fixture.given(issued).when(changeDefault(productionUnit))
                .expectException(refusal(ErrorCode.EGS_UNIT_ENVIRONMENT_MISMATCH)).expectNoEvents();
        fixture.given(issued, new ApiKeyRevokedEvent(keyId, accountId, Actor.of(Caller.session(accountId)), NOW))
                .when(changeDefault(sandboxUnit))
                .expectException(refusal(ErrorCode.API_KEY_REVOKED)).expectNoEvents();
    }

    @Test
    void theOwnerRevokesAKeyOnceAndTheEventSaysWhichKeyRevokedIt() {
        Caller revoker = Caller.apiKey(accountId, UUID.randomUUID(), Environment.SANDBOX, null);
        fixture.given(issued)
                .when(new RevokeApiKeyCommand(keyId, revoker))
                .expectEvents(new ApiKeyRevokedEvent(keyId, accountId, Actor.of(revoker), NOW));
    }

    @Test
    void revokingAgainChangesNothing() {
        fixture.given(issued, new ApiKeyRevokedEvent(keyId, accountId, Actor.of(Caller.session(accountId)), NOW))
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
