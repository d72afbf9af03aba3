package sa.qayd.api.egs;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import sa.qayd.api.Caller;

/** Renews an active unit's production certificate with a new OTP, before it expires. */
public record RenewEgsCertificateCommand(@TargetAggregateIdentifier UUID egsUnitId, Caller caller, String otp) {
}
