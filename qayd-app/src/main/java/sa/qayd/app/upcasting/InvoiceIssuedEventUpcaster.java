package sa.qayd.app.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import sa.qayd.api.invoice.InvoiceIssuedEvent;

/** InvoiceIssuedEvent revision 1 → 2: revision 1 did not record which API key issued the document; it is not known. */
@Component
class InvoiceIssuedEventUpcaster extends JsonPayloadUpcaster {

    InvoiceIssuedEventUpcaster() {
        super(null, "2", InvoiceIssuedEvent.class);
    }

    @Override
    protected void upcast(ObjectNode payload) {
        if (!payload.has("apiKeyId")) {
            payload.putNull("apiKeyId");
        }
    }
}
