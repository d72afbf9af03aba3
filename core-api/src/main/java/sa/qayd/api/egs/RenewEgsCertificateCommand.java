package sa.qayd.api.egs;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import sa.qayd.api.Caller;

/** Asks for a new production certificate for an active unit, with a new OTP, before the current one expires. */
public record RenewEgsCertificateCommand(@TargetAggregateIdentifier UUID egsUnitId, Caller caller, String otp) {
}
