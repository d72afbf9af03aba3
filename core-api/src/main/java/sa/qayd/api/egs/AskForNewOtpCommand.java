package sa.qayd.api.egs;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A unit on its way with ZATCA has no usable one-time password any more (its onboarding was under way
 * when Qayd was upgraded, and older versions kept the OTP elsewhere): onboarding ends as failed at the
 * step it reached, asking for a new OTP. Active and failed units stay as they are.
 */
public record AskForNewOtpCommand(@TargetAggregateIdentifier UUID egsUnitId, String reason) {
}
