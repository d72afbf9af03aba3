package sa.qayd.api.account;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import sa.qayd.api.privacy.PersonalData;

/**
 * A tenant exists. Its e-mail is personal data, sealed under the account's own key so that it can be
 * forgotten; the password's hash is no fact of the history and is kept with the log-in, never in an
 * event (revision 2; revision 1 carried both in plain text, an upcaster drops the hash).
 */
@Revision("2")
public record AccountRegisteredEvent(
        UUID accountId,
        String companyName,
        PersonalData email,
        String vatNumber,
        Instant registeredAt) {
}
