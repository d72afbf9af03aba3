package sa.qayd.command.account;

import java.util.UUID;

/**
 * The accounts' dashboard log-ins: an e-mail, unique across accounts, and the password's hash, which
 * is no fact of the history and never enters an event. Written in the transaction of the command that
 * decides, so a refused sign-up leaves nothing behind and a second account with the same e-mail cannot
 * slip in beside the first (set-based validation, whatever the event processors are configured to do).
 */
public interface Logins {

    /** @throws sa.qayd.api.QaydException EMAIL_ALREADY_REGISTERED when another account logs in with this e-mail */
    void open(UUID accountId, String email, String passwordHash);

    /** Nobody logs in to the account with a password any more, and its e-mail is free again. */
    void close(UUID accountId);
}
