package sa.qayd.api.egs;

import java.util.Locale;

public enum OnboardingStatus {
    PENDING,
    ACTIVE,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
