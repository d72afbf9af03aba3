package sa.qayd.zatca.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final FaultPlan plan = new FaultPlan(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void rulesApplyInOrderEachForItsNumberOfCalls() {
        plan.failNext(2, 503).dropNext(1).delayNext(1, Duration.ofMillis(5));

        assertThat(nextFaults(6)).containsExactly(
                Optional.of(new Fault.Status(503)), Optional.of(new Fault.Status(503)), Optional.of(new Fault.Drop()),
                Optional.of(new Fault.Delay(Duration.ofMillis(5))), Optional.empty(), Optional.empty());
    }

    @Test
    void outageWindowEndsWithItsDuration() {
        plan.failFor(Duration.ofSeconds(10), 503);
        assertThat(plan.next()).contains(new Fault.Status(503));

        now = now.plusSeconds(9);
        assertThat(plan.next()).contains(new Fault.Status(503));

        now = now.plusSeconds(1);
        assertThat(plan.next()).isEmpty();
    }

    @Test
    void clearRestoresNormalService() {
        plan.failFor(Duration.ofHours(1), 429).dropNext(3);

        plan.clear();

        assertThat(plan.next()).isEmpty();
    }

    @Test
    void aRuleNeedsAtLeastOneCall() {
        assertThatThrownBy(() -> plan.failNext(0, 503)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<Optional<Fault>> nextFaults(int calls) {
        List<Optional<Fault>> faults = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            faults.add(plan.next());
        }
        return faults;
    }
}
