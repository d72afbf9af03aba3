package sa.qayd.zatca.fatoora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.qayd.zatca.simulator.FatooraSimulator;
import sa.qayd.zatca.simulator.SimulatorSettings;
import sa.qayd.zatca.simulator.TestEgsUnit;

/** Transient gateway failures, injected by the simulator, against the client's retries and circuit breaker. */
class FatooraClientResilienceTest {
    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100));
    private static final Duration OPEN_FOR = Duration.ofMillis(400);
    private static final CircuitBreakerPolicy SMALL_WINDOW = new CircuitBreakerPolicy(4, 4, 50f, OPEN_FOR, 1);

    private final String csr = new TestEgsUnit("TST-886431145-399999999900003").csrPem();
    private final List<FatooraCall> calls = new CopyOnWriteArrayList<>();
    private FatooraSimulator simulator;
    private FatooraClient client;

    @BeforeEach
    void start() throws IOException {
        simulator = FatooraSimulator.start(SimulatorSettings.defaults());
        client = new FatooraClient(FatooraClientSettings.defaults(FatooraEnvironment.SANDBOX)
                .withBaseUri(simulator.baseUri())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500))
                .withRetry(QUICK_RETRIES)
                .withCircuitBreaker(SMALL_WINDOW), CircuitBreakerRegistry.ofDefaults(), Clock.systemUTC(), calls::add);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void outageWindowIsRetriedUntilTheGatewayRecovers() {
        simulator.faults().failNext(2, 503);

        assertThat(requestCsid()).isInstanceOf(FatooraOutcome.Accepted.class);
        assertThat(simulator.receivedCalls()).isEqualTo(3);
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.endpoint()).isEqualTo(FatooraEndpoint.COMPLIANCE_CSID);
            assertThat(call.outcomeName()).isEqualTo("accepted");
            assertThat(call.status()).hasValue(200);
            assertThat(call.attempts()).isEqualTo(3);
            assertThat(call.duration()).isPositive();
        });
    }

    @Test
    void throttlingIsLeftToTheCaller() {
        simulator.faults().failNext(1, 429);

        assertThat(requestCsid()).isInstanceOf(FatooraOutcome.Throttled.class);
        assertThat(simulator.receivedCalls()).isEqualTo(1);
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void droppedConnectionIsRetried() {
        simulator.faults().dropNext(1);

        assertThat(requestCsid()).isInstanceOf(FatooraOutcome.Accepted.class);
        assertThat(simulator.receivedCalls()).isEqualTo(2);
    }

    @Test
    void answerSlowerThanTheTimeoutIsRetried() {
        simulator.faults().delayNext(1, Duration.ofSeconds(3));

        assertThat(requestCsid()).isInstanceOf(FatooraOutcome.Accepted.class);
        assertThat(simulator.receivedCalls()).isEqualTo(2);
    }

    @Test
    void persistentOutageEndsAsGatewayUnavailableAfterTheLastAttempt() {
        simulator.faults().failFor(Duration.ofMinutes(1), 503);

        FatooraOutcome<CsidResponse> outcome = requestCsid();

        assertThat(outcome).asInstanceOf(type(FatooraOutcome.GatewayUnavailable.class)).satisfies(unavailable -> {
            assertThat(unavailable.reason()).isEqualTo("HTTP 503 after 3 attempts");
            assertThat(unavailable.attempts()).isEqualTo(3);
        });
        assertThat(outcome.isRecorded()).isFalse();
        assertThat(outcome.isTransient()).isTrue();
        assertThat(simulator.receivedCalls()).isEqualTo(3);
    }

    @Test
    void circuitOpensOnAFailingGatewayAndClosesAfterItRecovers() throws InterruptedException {
        simulator.faults().failFor(Duration.ofMinutes(1), 500);
        requestCsid();
        requestCsid(); // six failed attempts fill the window of four
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        int callsWhileClosed = simulator.receivedCalls();

        FatooraOutcome<CsidResponse> refused = requestCsid();

        assertThat(refused).isInstanceOf(FatooraOutcome.GatewayUnavailable.class);
        assertThat(((FatooraOutcome.GatewayUnavailable<CsidResponse>) refused).reason()).contains("circuit breaker open");
        assertThat(simulator.receivedCalls()).isEqualTo(callsWhileClosed);
        assertThat(calls.get(calls.size() - 1)).satisfies(call -> {
            assertThat(call.outcomeName()).isEqualTo("gateway_unavailable");
            assertThat(call.status()).isEmpty();
            assertThat(call.attempts()).isZero();
        });

        simulator.faults().clear();
        Thread.sleep(OPEN_FOR.toMillis() + 100);

        assertThat(requestCsid()).isInstanceOf(FatooraOutcome.Accepted.class);
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void rejectionsDoNotOpenTheCircuit() {
        for (int i = 0; i < 6; i++) {
            assertThat(client.requestComplianceCsid(FatooraEnvironment.SANDBOX, "000000", csr))
                    .isInstanceOf(FatooraOutcome.InvalidOtp.class);
        }

        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(simulator.receivedCalls()).isEqualTo(6);
    }

    private FatooraOutcome<CsidResponse> requestCsid() {
        return client.requestComplianceCsid(FatooraEnvironment.SANDBOX, SimulatorSettings.SANDBOX_OTP, csr);
    }
}
