package sa.qayd.api.egs;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import sa.qayd.api.Caller;

/** Starts a failed onboarding again with a new OTP from the Fatoora portal. */
public record RestartEgsOnboardingCommand(@TargetAggregateIdentifier UUID egsUnitId, Caller caller, String otp) {
}
