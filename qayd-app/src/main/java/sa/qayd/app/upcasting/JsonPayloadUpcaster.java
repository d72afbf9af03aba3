package sa.qayd.app.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** Moves stored events of some types from one revision to the next by changing their JSON payload in place. */
abstract class JsonPayloadUpcaster extends SingleEventUpcaster {
    private final Set<String> types;
    private final String fromRevision;
    private final String toRevision;

    /** @param fromRevision null for events stored without a revision (revision 1) */
    JsonPayloadUpcaster(String fromRevision, String toRevision, Class<?>... types) {
        this.types = Arrays.stream(types).map(Class::getName).collect(Collectors.toUnmodifiableSet());
        this.fromRevision = fromRevision;
        this.toRevision = toRevision;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return types.contains(representation.getType().getName())
                && Objects.equals(fromRevision, representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), toRevision),
                JsonNode.class, payload -> {
                    upcast((ObjectNode) payload);
                    return payload;
                });
    }

    protected abstract void upcast(ObjectNode payload);
}
