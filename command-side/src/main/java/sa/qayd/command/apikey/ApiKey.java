package sa.qayd.command.apikey;

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
import sa.qayd.api.apikey.ApiKeyIssuedEvent;
import sa.qayd.api.apikey.ApiKeyRevokedEvent;
import sa.qayd.api.apikey.ChangeDefaultEgsUnitCommand;
import sa.qayd.api.apikey.DefaultEgsUnitClearedEvent;
import sa.qayd.api.apikey.DefaultEgsUnitSetEvent;
import sa.qayd.api.apikey.IssueApiKeyCommand;
import sa.qayd.api.apikey.RevokeApiKeyCommand;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.command.egs.EgsUnitRegistrations;
import sa.qayd.command.egs.UnitAccess;

/** A credential of one account in one environment. Revocation is final. */
@Aggregate
public class ApiKey {
    @AggregateIdentifier
    private UUID apiKeyId;
    private UUID accountId;
    private Environment environment;
    private UUID defaultEgsUnitId;
    private boolean revoked;

    protected ApiKey() {
    }

    /** The secret's hash is kept for authentication, outside the event. */
    @CommandHandler
    public ApiKey(IssueApiKeyCommand command, ApiKeyHashes hashes, Clock clock) {
        hashes.keep(command.apiKeyId(), command.secretHash());
        apply(new ApiKeyIssuedEvent(command.apiKeyId(), command.accountId(), command.environment(), command.name(),
                command.maskedSecret(), clock.instant()));
    }

    @CommandHandler
    public void handle(RevokeApiKeyCommand command, Clock clock) {
        assertManageableBy(command.caller());
        if (!revoked) {
            apply(new ApiKeyRevokedEvent(apiKeyId, accountId, Actor.of(command.caller()), clock.instant()));
        }
    }

    /** A default unit must be one of the key's account, in the key's environment; null clears it. */
    @CommandHandler
    public void handle(ChangeDefaultEgsUnitCommand command, EgsUnitRegistrations units) {
        assertManageableBy(command.caller());
        if (revoked) {
            throw new QaydException(ErrorCode.API_KEY_REVOKED, "API key " + apiKeyId + " is revoked");
        }
        UUID unitId = command.egsUnitId();
        if (unitId == null) {
            if (defaultEgsUnitId != null) {
                apply(new DefaultEgsUnitClearedEvent(apiKeyId, accountId));
            }
            return;
        }
        EgsUnitRegisteredEvent unit = units.unit(unitId).orElse(null);
        UnitAccess.check(unitId, unit == null ? null : unit.accountId(), unit == null ? null : unit.environment(),
                accountId, environment);
        if (!unitId.equals(defaultEgsUnitId)) {
            apply(new DefaultEgsUnitSetEvent(apiKeyId, accountId, unitId));
        }
    }

    /** Refuses callers of other accounts as if the key did not exist, and keys of the other environment. */
    private void assertManageableBy(Caller caller) {
        if (accountId == null || !accountId.equals(caller.accountId())) {
            throw new QaydException(ErrorCode.API_KEY_NOT_FOUND, "no API key " + apiKeyId + " in this account");
        }
        if (!caller.canAct(environment)) {
            throw new QaydException(ErrorCode.ENVIRONMENT_MISMATCH, "a " + caller.keyEnvironment().wireName()
                    + " API key cannot manage a " + environment.wireName() + " API key");
        }
    }

    @EventSourcingHandler
    void on(ApiKeyIssuedEvent event) {
        apiKeyId = event.apiKeyId();
        accountId = event.accountId();
        environment = event.environment();
    }

    @EventSourcingHandler
    void on(ApiKeyRevokedEvent event) {
        revoked = true;
    }

    @EventSourcingHandler
    void on(DefaultEgsUnitSetEvent event) {
        defaultEgsUnitId = event.egsUnitId();
    }

    @EventSourcingHandler
    void on(DefaultEgsUnitClearedEvent event) {
        defaultEgsUnitId = null;
    }
}
