package sa.qayd.app.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import sa.qayd.api.egs.EgsOnboardingRestartedEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;

/**
 * EgsUnitRegisteredEvent and EgsOnboardingRestartedEvent revision 1 → 2: revision 1 carried the Fatoora
 * portal's one-time password in plain text. Revision 2 keeps it out (the OTP lives encrypted in the
 * secret store until ZATCA has used it), so whatever reads upcasted events never sees one.
 */
@Component
class OtpOutOfEventsUpcaster extends SingleEventUpcaster {
    private static final Set<String> TYPES = Set.of(EgsUnitRegisteredEvent.class.getName(),
            EgsOnboardingRestartedEvent.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPES.contains(representation.getType().getName()) && representation.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "2"),
                JsonNode.class, payload -> {
                    ((ObjectNode) payload).remove("otp");
                    return payload;
                });
    }
}
