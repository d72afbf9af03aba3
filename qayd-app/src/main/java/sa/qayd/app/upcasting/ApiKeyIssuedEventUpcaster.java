package sa.qayd.app.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import sa.qayd.api.apikey.ApiKeyIssuedEvent;

/**
 * ApiKeyIssuedEvent revision 1 → 2: revision 1 carried the secret's SHA-256, which revision 2 keeps out
 * (and migration V80 took out of the stored events).
 */
@Component
class ApiKeyIssuedEventUpcaster extends JsonPayloadUpcaster {

    ApiKeyIssuedEventUpcaster() {
        super(null, "2", ApiKeyIssuedEvent.class);
    }

    @Override
    protected void upcast(ObjectNode payload) {
        payload.remove("secretHash");
    }
}
