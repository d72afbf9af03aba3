package sa.qayd.query.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final RetrySchedule PRODUCTION_DEFAULTS =
            new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void pausesDoubleWithJitterUpToTheCeiling() {
        for (int attempts = 1; attempts <= 12; attempts++) {
            long ceiling = Math.min(3600, 30L << (attempts - 1));
            Duration pause = Duration.between(START, PRODUCTION_DEFAULTS.nextAttempt(attempts, START, START).orElseThrow());
            assertThat(pause).as("after %d attempts", attempts)
                    .isBetween(Duration.ofSeconds(ceiling).dividedBy(2), Duration.ofSeconds(ceiling));
        }
    }

    @RepeatedTest(20)
    void keepsTryingForAtLeastADayThenGivesUp() {
        Instant now = START;
        int attempts = 1;
        Optional<Instant> next;
        while ((next = PRODUCTION_DEFAULTS.nextAttempt(attempts, START, now)).isPresent()) {
            now = next.get();
            attempts++;
        }
        assertThat(now).isAfterOrEqualTo(START.plus(Duration.ofHours(24)));
        assertThat(now).isBefore(START.plus(Duration.ofHours(25)));
        assertThat(attempts).isBetween(28, 55);
    }

    @Test
    void aRedeliveryStartsAFreshWindow() {
        Instant redeliveredAt = START.plus(Duration.ofDays(3));
        assertThat(PRODUCTION_DEFAULTS.nextAttempt(40, START, redeliveredAt)).isEmpty();
        assertThat(PRODUCTION_DEFAULTS.nextAttempt(40, redeliveredAt, redeliveredAt.plusSeconds(1))).isPresent();
    }
}
