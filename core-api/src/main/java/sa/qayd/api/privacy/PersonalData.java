package sa.qayd.api.privacy;

import java.util.Optional;
import java.util.function.Function;

/**
 * A person's data inside an event, sealed under its account's own personal-data key: deleting that
 * key forgets the data in every stored copy of every event at once, while the events themselves stay
 * as they are (crypto-shredding). Only an account's e-mail is such data; see the README on forgetting.
 *
 * @param sealed AES-GCM of the value under the account's key (base64), as the personal-data keys made it
 * @param plain  the value of an event stored before Qayd sealed personal data, until its account is
 *               forgotten; null in every event stored since
 */
public record PersonalData(String sealed, String plain) {

    public static PersonalData sealed(String sealed) {
        return new PersonalData(sealed, null);
    }

    /**
     * The value, or empty once its account's personal data was forgotten.
     *
     * @param open opens a sealed value under its account's key, empty when that key is deleted
     */
    public Optional<String> reveal(Function<String, Optional<String>> open) {
        return sealed != null ? open.apply(sealed) : Optional.ofNullable(plain);
    }
}
