package sa.qayd.command.apikey;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.api.apikey.ChangeDefaultEgsUnitCommand;
import sa.qayd.command.egs.EgsUnit;

/**
 * A key's default unit must belong to the key's account and environment. Both aggregates are
 * loaded in one unit of work, so the check and the change cannot drift apart.
 */
@Component
class DefaultEgsUnitChanger {
    private final Repository<ApiKey> apiKeys;
    private final Repository<EgsUnit> units;

    DefaultEgsUnitChanger(Repository<ApiKey> apiKeys, Repository<EgsUnit> units) {
        this.apiKeys = apiKeys;
        this.units = units;
    }

    @CommandHandler
    public void handle(ChangeDefaultEgsUnitCommand command) {
        Aggregate<ApiKey> apiKey = apiKeys.load(command.apiKeyId().toString());
        ApiKey key = apiKey.invoke(k -> k);
        key.assertManageableBy(command.caller());
        if (command.egsUnitId() != null) {
            loadUnit(command).execute(unit -> unit.assertUsableBy(key.accountId(), key.environment()));
        }
        apiKey.execute(k -> k.changeDefaultEgsUnit(command.egsUnitId()));
    }

    private Aggregate<EgsUnit> loadUnit(ChangeDefaultEgsUnitCommand command) {
        try {
            return units.load(command.egsUnitId().toString());
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new QaydException(ErrorCode.EGS_UNIT_NOT_FOUND, "no EGS unit " + command.egsUnitId() + " in this account");
        }
    }
}
