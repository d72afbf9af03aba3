package sa.qayd.command.egs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import sa.qayd.platform.retry.Backoff;

/**
 * How onboarding steps and renewals wait for ZATCA when it cannot be reached ({@code qayd.onboarding.*}):
 * from {@code retryInitial}, doubling with jitter up to {@code retryMax}.
 */
@ConfigurationProperties("qayd.onboarding")
public record OnboardingSettings(@DefaultValue("PT2S") Duration retryInitial, @DefaultValue("PT10M") Duration retryMax) {

    public Backoff backoff() {
        return new Backoff(retryInitial, retryMax);
    }
}
