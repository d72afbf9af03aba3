package sa.qayd.command.account;

import java.util.Optional;
import java.util.UUID;
import sa.qayd.api.account.AccountRegisteredEvent;

/** What an account recorded when it signed up (company name, VAT number: they never change), for decisions of others. */
public interface AccountRegistrations {

    /** Empty when no account has this id. */
    Optional<AccountRegisteredEvent> account(UUID accountId);
}
