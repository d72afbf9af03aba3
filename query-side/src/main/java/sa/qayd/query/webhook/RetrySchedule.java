package sa.qayd.query.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import sa.qayd.platform.retry.Backoff;

/**
 * When a failed delivery is tried again: exponential backoff with jitter (so that receivers coming
 * back from an outage are not hit by every replica at once), for as long as {@code retryFor} allows.
 */
record RetrySchedule(Duration initial, Duration max, Duration retryFor) {

    static RetrySchedule of(WebhookSettings settings) {
        return new RetrySchedule(settings.retryInitial(), settings.retryMax(), settings.retryFor());
    }

    /** The next attempt after {@code attempts} failed ones, or empty once the retry window is over. */
    Optional<Instant> nextAttempt(int attempts, Instant retryingSince, Instant now) {
        if (!now.isBefore(retryingSince.plus(retryFor))) {
            return Optional.empty();
        }
        return Optional.of(now.plus(new Backoff(initial, max).delayBefore(attempts)));
    }
}
