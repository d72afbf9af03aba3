package sa.qayd.app.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import sa.qayd.api.egs.InvoiceSequencedEvent;
import sa.qayd.zatca.hash.InvoiceHash;

/**
 * InvoiceSequencedEvent revision 1 → 2. Revision 1 was stored in two shapes. The first releases called
 * the counter {@code sequenceNumber} and had no hash: they numbered documents without signing them, so
 * none of those documents is in the unit's hash chain, and the chain of its signed documents starts at
 * ZATCA's seed hash, which such an event yields. Later revision-1 events say {@code icv} and carry the
 * document's hash, and pass unchanged. Any other revision-1 event (an ICV without a hash) would make its
 * hash the next document's PIH out of nothing, so reading it fails, naming the event.
 */
@Component
class InvoiceSequencedEventUpcaster extends SingleEventUpcaster {
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(InvoiceSequencedEvent.class.getName(), null);
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(InvoiceSequencedEvent.class.getName(), "2");
    private static final String HASH = "invoiceHash";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String event = representation.getMessageIdentifier();
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode sequenced = (ObjectNode) payload;
            if (sequenced.has("sequenceNumber") && !sequenced.has("icv")) {
                sequenced.set("icv", sequenced.remove("sequenceNumber"));
                sequenced.put(HASH, InvoiceHash.FIRST_PREVIOUS_HASH);
            } else if (!sequenced.path(HASH).isTextual() || sequenced.path(HASH).asText().isEmpty()) {
                throw new IllegalStateException("InvoiceSequencedEvent " + event + " (EGS unit "
                        + sequenced.path("egsUnitId").asText() + ", ICV " + sequenced.path("icv").asText()
                        + ") carries no invoice hash, so no document can be chained to it");
            }
            return sequenced;
        });
    }
}
