package sa.qayd.command.egs;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import sa.qayd.api.retry.Backoff;

/** How onboarding waits for ZATCA when it cannot be reached. */
@Component
public class OnboardingSettings {
    private final Backoff backoff;

    public OnboardingSettings(@Value("${qayd.onboarding.retry-initial:PT2S}") Duration retryInitial,
                              @Value("${qayd.onboarding.retry-max:PT10M}") Duration retryMax) {
        this.backoff = new Backoff(retryInitial, retryMax);
    }

    public Backoff backoff() {
        return backoff;
    }
}
