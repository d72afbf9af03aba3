package sa.qayd.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import sa.qayd.api.account.AccountRegisteredEvent;
import sa.qayd.api.account.RegisterAccountCommand;
import sa.qayd.command.apikey.ApiKey;

/** A tenant: one company, one login, any number of API keys and EGS units in both environments. */
@Aggregate
public class Account {
    @AggregateIdentifier
    private UUID accountId;
    private String companyName;
    private String vatNumber;

    protected Account() {
    }

    @CommandHandler
    public Account(RegisterAccountCommand command, Clock clock) throws Exception {
        apply(new AccountRegisteredEvent(command.accountId(), command.companyName(), command.email(),
                command.passwordHash(), command.vatNumber(), clock.instant()));
        createNew(ApiKey.class, () -> new ApiKey(command.firstApiKey(), clock));
    }

    public String companyName() {
        return companyName;
    }

    public String vatNumber() {
        return vatNumber;
    }

    @EventSourcingHandler
    void on(AccountRegisteredEvent event) {
        accountId = event.accountId();
        companyName = event.companyName();
        vatNumber = event.vatNumber();
    }
}
