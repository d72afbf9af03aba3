package sa.qayd.platform.privacy;

import java.util.Optional;
import java.util.UUID;

/**
 * Each data subject's (account's) own key for its personal data. Personal data is stored sealed under
 * it, in events and anywhere else; deleting the key forgets all of it at once, in every copy, without
 * changing what was stored (crypto-shredding).
 */
public interface PersonalDataKeys {

    /** Seals {@code value} (base64 of the result) under the subject's key, made in the current transaction if it has none. */
    String seal(UUID subject, String value);

    /** The value sealed under the subject's key, or empty once that key is deleted. */
    Optional<String> open(UUID subject, String sealed);

    /** Deletes the subject's key: nothing sealed under it opens again. */
    void forget(UUID subject);
}
