package sa.qayd.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import sa.qayd.api.privacy.PersonalData;

/**
 * Writes personal data as its value, or null once its account's data was forgotten: an export shows
 * what can still be known of a person, and never the sealed form.
 */
final class PersonalDataSerializer extends StdSerializer<PersonalData> {
    /** The writer attribute holding how to open a sealed value of the account being exported. */
    static final String OPEN = PersonalDataSerializer.class.getName();

    PersonalDataSerializer() {
        super(PersonalData.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void serialize(PersonalData value, JsonGenerator out, SerializerProvider provider) throws IOException {
        Function<String, Optional<String>> open = (Function<String, Optional<String>>) provider.getAttribute(OPEN);
        Optional<String> revealed = value.reveal(open);
        if (revealed.isPresent()) {
            out.writeString(revealed.get());
        } else {
            out.writeNull();
        }
    }
}
