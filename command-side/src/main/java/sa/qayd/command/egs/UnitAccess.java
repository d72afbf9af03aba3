package sa.qayd.command.egs;

import java.util.UUID;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;

/** Who may use a unit: its own account, in the unit's environment. */
public final class UnitAccess {
    private UnitAccess() {
    }

    /**
     * Refuses other tenants exactly as if the unit did not exist, and refuses the other environment
     * openly (it is the caller's own unit).
     */
    public static void check(UUID egsUnitId, UUID unitAccountId, Environment unitEnvironment, UUID callerAccountId,
                             Environment callerEnvironment) {
        if (unitAccountId == null || !unitAccountId.equals(callerAccountId)) {
            throw new QaydException(ErrorCode.EGS_UNIT_NOT_FOUND, "no EGS unit " + egsUnitId + " in this account");
        }
        if (unitEnvironment != callerEnvironment) {
            throw new QaydException(ErrorCode.EGS_UNIT_ENVIRONMENT_MISMATCH, "EGS unit " + egsUnitId + " is a "
                    + unitEnvironment.wireName() + " unit; a " + callerEnvironment.wireName() + " credential cannot use it");
        }
    }
}
