package sa.qayd.command.egs;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** What the aggregate handed over to be kept, for aggregate tests (the real store is PostgreSQL, encrypted). */
final class InMemoryOneTimePasswords implements OneTimePasswords {
    final Map<UUID, String> onboarding = new HashMap<>();
    final Map<UUID, String> renewal = new HashMap<>();

    @Override
    public void keepForOnboarding(UUID egsUnitId, String otp) {
        onboarding.put(egsUnitId, otp);
    }

    @Override
    public void keepForRenewal(UUID egsUnitId, String otp) {
        renewal.put(egsUnitId, otp);
    }
}
