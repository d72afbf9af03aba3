package sa.qayd.command.account;

import java.util.UUID;

/**
 * Personal data stored readable before Qayd sealed it: the e-mail in the AccountRegisteredEvent of an
 * account that signed up before. Deleting the account's key forgets nothing there, so forgetting blanks it.
 */
public interface UnsealedPersonalData {

    void blank(UUID accountId);
}
