package sa.qayd.command.egs;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.egs.RegisterEgsUnitCommand;
import sa.qayd.command.account.Account;

/**
 * Registers units. A unit's organisation name and VAT number default to its account's, which only
 * the Account aggregate knows, so registration reads it before creating the unit.
 */
@Component
class EgsUnitRegistrar {
    private final Repository<Account> accounts;
    private final Repository<EgsUnit> units;

    EgsUnitRegistrar(Repository<Account> accounts, Repository<EgsUnit> units) {
        this.accounts = accounts;
        this.units = units;
    }

    @CommandHandler
    public UUID handle(RegisterEgsUnitCommand command) throws Exception {
        Account account = accounts.load(command.accountId().toString()).invoke(a -> a);
        EgsIdentity identity = command.identity().withDefaults(account.companyName(), account.vatNumber());
        RegisterEgsUnitCommand completed = new RegisterEgsUnitCommand(command.egsUnitId(), command.accountId(),
                command.environment(), command.name(), command.otp(), identity);
        units.newInstance(() -> new EgsUnit(completed));
        return command.egsUnitId();
    }
}
