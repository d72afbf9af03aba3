package sa.qayd.app.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import sa.qayd.api.account.AccountRegisteredEvent;

/**
 * AccountRegisteredEvent revision 1 → 2: revision 1 carried the password's hash (no longer in stored
 * events either, see migration V80) and the e-mail in plain text, which revision 2 reads as personal data
 * stored before Qayd sealed it, until the account is forgotten (which blanks it in the stored event).
 */
@Component
class AccountRegisteredEventUpcaster extends JsonPayloadUpcaster {

    AccountRegisteredEventUpcaster() {
        super(null, "2", AccountRegisteredEvent.class);
    }

    @Override
    protected void upcast(ObjectNode payload) {
        payload.remove("passwordHash");
        JsonNode email = payload.path("email");
        if (email.isTextual()) {
            payload.putObject("email").putNull("sealed").put("plain", email.asText());
        } else {
            payload.putNull("email");
        }
    }
}
