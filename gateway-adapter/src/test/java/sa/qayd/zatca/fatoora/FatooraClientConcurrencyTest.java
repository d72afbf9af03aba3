package sa.qayd.zatca.fatoora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sa.qayd.zatca.sdk.SdkIdentity;

/** One client carries hundreds of calls at once, and no call outlives its deadline. */
class FatooraClientConcurrencyTest {
    private static final int CALLS = 300;
    private static final InvoiceSubmission DOCUMENT = new InvoiceSubmission("hash", "uuid",
            Base64.getEncoder().encodeToString("<Invoice/>".getBytes(StandardCharsets.UTF_8)));
    private static final GatewayCredentials PCSID = new GatewayCredentials(FatooraEnvironment.SIMULATION,
            SdkIdentity.binarySecurityToken(), SdkIdentity.SECRET);

    private final ReplayServer gateway = ReplayServer.start();
    private final ExecutorService callers = Executors.newFixedThreadPool(CALLS);

    @AfterEach
    void stop() {
        callers.shutdownNow();
        gateway.close();
    }

    @Test
    void callsInFlightAreNotSerialised() {
        gateway.answer(FatooraEndpoint.REPORTING, RecordedAnswers.REPORTED).holdUntilInFlight(CALLS, Duration.ofSeconds(20));
        FatooraClient client = client(RetryPolicy.DEFAULT, Duration.ofSeconds(30));

        List<CompletableFuture<FatooraOutcome<InvoiceResponse>>> calls = IntStream.range(0, CALLS)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> client.report(PCSID, DOCUMENT), callers))
                .toList();

        assertThat(calls).allSatisfy(call -> assertThat(call.join()).isInstanceOf(FatooraOutcome.Accepted.class));
        // the gateway answers only once every call waits at once, which serialised calls never do
        assertThat(gateway.mostInFlight()).isEqualTo(CALLS);
    }

    @Test
    void anAnswerSlowerThanTheDeadlineIsAbandoned() {
        gateway.answer(FatooraEndpoint.REPORTING, RecordedAnswers.REPORTED.after(Duration.ofSeconds(20)));
        FatooraClient client = client(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10)),
                Duration.ofMillis(200));

        long started = System.nanoTime();
        FatooraOutcome<InvoiceResponse> outcome = client.report(PCSID, DOCUMENT);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(outcome).asInstanceOf(type(FatooraOutcome.GatewayUnavailable.class)).satisfies(unavailable -> {
            assertThat(unavailable.attempts()).isEqualTo(2);
            assertThat(unavailable.reason()).startsWith("HttpTimeoutException");
        });
        assertThat(outcome.isTransient()).isTrue();
    }

    private FatooraClient client(RetryPolicy retry, Duration requestTimeout) {
        return new FatooraClient(FatooraClientSettings.defaults(FatooraEnvironment.SIMULATION)
                .withBaseUri(gateway.baseUri()).withRetry(retry).withTimeouts(Duration.ofSeconds(2), requestTimeout));
    }
}
