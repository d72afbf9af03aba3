package sa.qayd.app.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import sa.qayd.api.egs.EgsOnboardingRestartedEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;

/**
 * EgsUnitRegisteredEvent and EgsOnboardingRestartedEvent revision 1 → 2: revision 1 carried the Fatoora
 * portal's one-time password in plain text. Revision 2 keeps it out (the OTP lives encrypted in the
 * secret store until ZATCA has used it), so whatever reads upcasted events never sees one.
 */
@Component
class OtpOutOfEventsUpcaster extends JsonPayloadUpcaster {

    OtpOutOfEventsUpcaster() {
        super(null, "2", EgsUnitRegisteredEvent.class, EgsOnboardingRestartedEvent.class);
    }

    @Override
    protected void upcast(ObjectNode payload) {
        payload.remove("otp");
    }
}
