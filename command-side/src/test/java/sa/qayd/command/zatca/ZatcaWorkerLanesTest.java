package sa.qayd.command.zatca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import sa.qayd.platform.retry.Backoff;

/** A lane set to no calls in flight is not run at all: that replica leaves the work to the others. */
class ZatcaWorkerLanesTest {

    private static final ZatcaTask EVERY_KIND = new ZatcaTask() {
        @Override
        public Set<WorkKind> kinds() {
            return EnumSet.allOf(WorkKind.class);
        }

        @Override
        public Backoff backoff() {
            throw new UnsupportedOperationException("no work runs in this test");
        }

        @Override
        public Result run(ZatcaWork work) {
            throw new UnsupportedOperationException("no work runs in this test");
        }
    };

    private static ZatcaWorker worker(int urgent, int background) {
        ZatcaWorkSettings settings = new ZatcaWorkSettings(urgent, background, Duration.ofMillis(250), 64,
                Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(10), 32, 4);
        return new ZatcaWorker(null, List.of(EVERY_KIND), null, settings, Clock.systemUTC(),
                new StaticListableBeanFactory().getBeanProvider(io.micrometer.observation.ObservationRegistry.class));
    }

    @Test
    void aReplicaWithoutBackgroundCallsRunsOnlyTheUrgentLanes() {
        assertThat(worker(32, 0).inFlight()).containsOnlyKeys("zatca-sandbox-urgent", "zatca-production-urgent");
        assertThat(worker(32, 128).inFlight()).containsOnlyKeys("zatca-sandbox-urgent", "zatca-production-urgent",
                "zatca-sandbox-background", "zatca-production-background");
    }

    @Test
    void negativeConcurrencyIsRefused() {
        assertThatThrownBy(() -> worker(-1, 128)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concurrency");
    }
}
