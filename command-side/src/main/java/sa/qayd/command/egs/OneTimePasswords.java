package sa.qayd.command.egs;

import java.util.UUID;

/**
 * Where a unit keeps the Fatoora portal's one-time passwords until the ZATCA worker has used them: out
 * of the event store (events are exported to auditors), encrypted, written in the transaction of the
 * decision that accepted them.
 */
public interface OneTimePasswords {

    void keepForOnboarding(UUID egsUnitId, String otp);

    void keepForRenewal(UUID egsUnitId, String otp);
}
