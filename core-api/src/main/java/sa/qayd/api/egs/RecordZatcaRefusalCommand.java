package sa.qayd.api.egs;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import sa.qayd.api.ZatcaMessage;

/**
 * ZATCA (or the unit's own data) said no to an onboarding step or a renewal, in a way no retry will
 * change: onboarding ends as failed, a renewal is given up (the current certificate stays).
 */
public record RecordZatcaRefusalCommand(@TargetAggregateIdentifier UUID egsUnitId, String step, String reason,
                                        List<ZatcaMessage> messages) {
}
