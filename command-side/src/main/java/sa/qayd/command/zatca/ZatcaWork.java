package sa.qayd.command.zatca;

import java.time.Instant;
import java.util.UUID;
import sa.qayd.api.Environment;

/**
 * One claimed row of {@code zatca_work}: a document to clear or report (id = the invoice's), or an
 * onboarding step or renewal of a unit (id = the unit's).
 *
 * @param attempts how many times it was claimed, this claim included
 * @param claim this claim's token: only its holder may reschedule, complete or save progress
 * @param retryAt when to try again if this attempt does not settle it (backoff with jitter)
 * @param traceparent the trace of the request that made the work due, or null
 */
public record ZatcaWork(UUID id, WorkKind kind, Environment environment, UUID egsUnitId, WorkInputs inputs,
                        int attempts, UUID claim, Instant issuedAt, Instant retryAt, String traceparent) {

    public ZatcaWork withInputs(WorkInputs newInputs) {
        return new ZatcaWork(id, kind, environment, egsUnitId, newInputs, attempts, claim, issuedAt, retryAt,
                traceparent);
    }
}
