package sa.qayd.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issues documents over several units as fast as a bounded client can, then waits until ZATCA (a
 * simulator answering every call after a fixed latency) has every one of them: the drain rate is the
 * number reported per second from the first issue to the last report. Run by {@code bench/drain}.
 * Options: {@code --url}, {@code --documents} (2000), {@code --units} (4), {@code --threads} (16),
 * {@code --latency} (the simulator's, for the printed line only), {@code --timeout-seconds} (600).
 */
public final class DrainBenchmark {
    private DrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        QaydClient qayd = new QaydClient(options.getOrDefault("--url", "http://127.0.0.1:8080"));
        int documents = Integer.parseInt(options.getOrDefault("--documents", "2000"));
        int units = Integer.parseInt(options.getOrDefault("--units", "4"));
        int threads = Integer.parseInt(options.getOrDefault("--threads", "16"));
        String latency = options.getOrDefault("--latency", "300 ms");
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--timeout-seconds", "600")));

        qayd.awaitUp(Duration.ofMinutes(3));
        qayd.signUp();
        List<UUID> tills = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            tills.add(qayd.activeUnit(Duration.ofMinutes(3)));
        }
        System.err.printf("%d units active; issuing %d documents with %d client threads%n", units, documents, threads);

        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        Instant firstIssue = Instant.now();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(clients.submit(() -> {
                for (int n = next.getAndIncrement(); n < documents; n = next.getAndIncrement()) {
                    qayd.issueSimplified(tills.get(n % units));
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        Instant lastIssue = Instant.now();
        double issueRate = documents / seconds(firstIssue, lastIssue);
        System.err.printf("issued %d documents in %.1f s (%.0f/s); waiting for ZATCA to have them all%n",
                documents, seconds(firstIssue, lastIssue), issueRate);

        Instant deadline = Instant.now().plus(timeout);
        List<JsonNode> reported;
        int backlogPeak = 0;
        while (true) {
            reported = qayd.invoicesWithStatus("reported");
            int pending = documents - reported.size();
            backlogPeak = Math.max(backlogPeak, pending);
            System.err.printf("  %s reported %d of %d%n", Instant.now(), reported.size(), documents);
            if (pending == 0) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("only " + reported.size() + " of " + documents + " reported within " + timeout);
            }
            Thread.sleep(1000);
        }
        Instant lastReport = reported.stream().map(invoice -> Instant.parse(invoice.path("status_changed_at").asText()))
                .max(Instant::compareTo).orElseThrow();
        double drainRate = documents / seconds(firstIssue, lastReport);
        System.err.printf("last report %.1f s after the first issue%n", seconds(firstIssue, lastReport));
        System.out.printf("drain: %.0f reported/s at %s per call (issued at %.0f/s)%n", drainRate, latency, issueRate);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
