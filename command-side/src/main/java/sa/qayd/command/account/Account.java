package sa.qayd.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import sa.qayd.api.account.AccountPersonalDataForgottenEvent;
import sa.qayd.api.account.AccountRegisteredEvent;
import sa.qayd.api.account.ForgetPersonalDataCommand;
import sa.qayd.api.account.RegisterAccountCommand;
import sa.qayd.api.privacy.PersonalData;
import sa.qayd.command.apikey.ApiKey;
import sa.qayd.command.apikey.ApiKeyHashes;
import sa.qayd.platform.privacy.PersonalDataKeys;

/**
 * A tenant: one company, one login, any number of API keys and EGS units in both environments. Its
 * e-mail is the one piece of personal data Qayd keeps of it: sealed under the account's own key in its
 * events, and forgotten on request by deleting that key.
 */
@Aggregate
public class Account {
    @AggregateIdentifier
    private UUID accountId;
    private boolean personalDataForgotten;

    protected Account() {
    }

    /** The e-mail's log-in is opened first: an e-mail another account uses refuses the sign-up with nothing stored. */
    @CommandHandler
    public Account(RegisterAccountCommand command, Logins logins, PersonalDataKeys personalData, ApiKeyHashes keyHashes,
                   Clock clock) throws Exception {
        logins.open(command.accountId(), command.email(), command.passwordHash());
        apply(new AccountRegisteredEvent(command.accountId(), command.companyName(),
                PersonalData.sealed(personalData.seal(command.accountId(), command.email())), command.vatNumber(),
                clock.instant()));
        createNew(ApiKey.class, () -> new ApiKey(command.firstApiKey(), keyHashes, clock));
    }

    @CommandHandler
    public void handle(ForgetPersonalDataCommand command, Logins logins, PersonalDataKeys personalData,
                       UnsealedPersonalData unsealed, Clock clock) {
        if (!personalDataForgotten) {
            personalData.forget(accountId);
            unsealed.blank(accountId);
            logins.close(accountId);
            apply(new AccountPersonalDataForgottenEvent(accountId, clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(AccountRegisteredEvent event) {
        accountId = event.accountId();
    }

    @EventSourcingHandler
    void on(AccountPersonalDataForgottenEvent event) {
        personalDataForgotten = true;
    }
}
