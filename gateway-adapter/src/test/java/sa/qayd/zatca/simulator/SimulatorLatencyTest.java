package sa.qayd.zatca.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import sa.qayd.zatca.fatoora.CsidResponse;
import sa.qayd.zatca.fatoora.FatooraClient;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.fatoora.FatooraOutcome;

/** A fixed latency on every answer holds no thread: hundreds of calls wait for it at once. */
class SimulatorLatencyTest {
    private static final int CALLS = 300;
    private static final Duration LATENCY = Duration.ofSeconds(2);

    @Test
    void hundredsOfDelayedAnswersWaitTogetherOnAFewThreads() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLS);
        try (FatooraSimulator simulator = FatooraSimulator.start(SimulatorSettings.defaults().withLatency(LATENCY))) {
            FatooraClient client = TestGateways.client(simulator);
            long started = System.nanoTime();
            List<CompletableFuture<FatooraOutcome<CsidResponse>>> calls = IntStream.range(0, CALLS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> client.requestComplianceCsid(
                            FatooraEnvironment.SANDBOX, "000000", "csr"), callers))
                    .toList();
            TimeUnit.MILLISECONDS.sleep(LATENCY.toMillis() / 2);
            long simulatorThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("fatoora-simulator")).count();

            assertThat(calls).allSatisfy(call -> assertThat(call.join()).isInstanceOf(FatooraOutcome.InvalidOtp.class));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            // one thread per waiting answer would show here; sleeping workers (8) would need CALLS / 8 x 2 s = 75 s
            assertThat(simulatorThreads).isLessThanOrEqualTo(10);
            assertThat(elapsed).isLessThan(LATENCY.multipliedBy(CALLS / 8).dividedBy(2));
            assertThat(elapsed).isGreaterThanOrEqualTo(LATENCY);
        } finally {
            callers.shutdownNow();
        }
    }
}
