package sa.qayd.app.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import sa.qayd.api.apikey.ApiKeyRevokedEvent;

/** ApiKeyRevokedEvent revision 1 → 2: revision 1 did not say who revoked the key; it is not known. */
@Component
class ApiKeyRevokedEventUpcaster extends JsonPayloadUpcaster {

    ApiKeyRevokedEventUpcaster() {
        super(null, "2", ApiKeyRevokedEvent.class);
    }

    @Override
    protected void upcast(ObjectNode payload) {
        payload.putNull("revokedBy");
    }
}
