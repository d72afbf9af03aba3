package sa.qayd.app.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import sa.qayd.api.egs.InvoiceSequencedEvent;

/**
 * InvoiceSequencedEvent revision 1 → 2: the counter was called {@code sequenceNumber} and is now the
 * ICV. Revision-1 events stored after the rename already say {@code icv} and pass unchanged. Events
 * of revision 1 carry no invoice hash (documents were not signed yet); it stays null.
 */
@Component
class InvoiceSequencedEventUpcaster extends SingleEventUpcaster {
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(InvoiceSequencedEvent.class.getName(), null);
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(InvoiceSequencedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            if (event.has("sequenceNumber") && !event.has("icv")) {
                event.set("icv", event.remove("sequenceNumber"));
            }
            return event;
        });
    }
}
