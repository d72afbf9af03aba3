package sa.qayd.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>
 * Where issuing is slower than reporting, that rate is the issue rate. To measure what the reporting
 * side can do, {@code bench/drain} can run it in two phases: {@code --phase issue} while the service
 * reports nothing (its background lanes off), then {@code --phase drain} after the service restarts with
 * reporting on: the drain rate is then the backlog reported per second, from the first report to the last.
 * Options: {@code --url}, {@code --documents} (2000), {@code --units} (4), {@code --threads} (16),
 * {@code --latency} (the simulator's, for the printed line only), {@code --timeout-seconds} (600),
 * {@code --phase} (both, issue or drain), {@code --state} (the file the issue phase leaves for the drain phase).
 */
public final class DrainBenchmark {
    private DrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        QaydClient qayd = new QaydClient(options.getOrDefault("--url", "http://127.0.0.1:8080"));
        int documents = Integer.parseInt(options.getOrDefault("--documents", "2000"));
        String phase = options.getOrDefault("--phase", "both");
        String latency = options.getOrDefault("--latency", "300 ms");
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--timeout-seconds", "600")));
        qayd.awaitUp(Duration.ofMinutes(3));

        switch (phase) {
            case "both" -> {
                Issued issued = issue(qayd, documents, options);
                List<JsonNode> reported = awaitReported(qayd, documents, timeout);
                double drainRate = documents / seconds(issued.first(), lastReport(reported));
                System.err.printf("last report %.1f s after the first issue%n", seconds(issued.first(), lastReport(reported)));
                System.out.printf("drain: %.0f reported/s at %s per call (issued at %.0f/s)%n", drainRate, latency, issued.rate());
            }
            case "issue" -> {
                Issued issued = issue(qayd, documents, options);
                Files.writeString(state(options), qayd.apiKey() + "\n" + issued.rate() + "\n", StandardCharsets.UTF_8);
            }
            case "drain" -> {
                List<String> state = Files.readAllLines(state(options), StandardCharsets.UTF_8);
                qayd.useApiKey(state.get(0));
                List<JsonNode> reported = awaitReported(qayd, documents, timeout);
                Instant firstReport = reported.stream().map(DrainBenchmark::reportedAt).min(Instant::compareTo).orElseThrow();
                double seconds = seconds(firstReport, lastReport(reported));
                System.err.printf("a backlog of %d documents reported in %.1f s, first report to last%n", documents, seconds);
                System.out.printf("drain: %.0f reported/s at %s per call (a backlog of %d, issued at %.0f/s while reporting was off)%n",
                        documents / seconds, latency, documents, Double.parseDouble(state.get(1)));
            }
            default -> throw new IllegalArgumentException("--phase is both, issue or drain, not " + phase);
        }
    }

    private record Issued(Instant first, double rate) {
    }

    private static Issued issue(QaydClient qayd, int documents, Map<String, String> options) throws Exception {
        int units = Integer.parseInt(options.getOrDefault("--units", "4"));
        int threads = Integer.parseInt(options.getOrDefault("--threads", "16"));
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
        System.err.printf("issued %d documents in %.1f s (%.0f/s)%n", documents, seconds(firstIssue, lastIssue), issueRate);
        return new Issued(firstIssue, issueRate);
    }

    private static List<JsonNode> awaitReported(QaydClient qayd, int documents, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<JsonNode> reported = qayd.invoicesWithStatus("reported");
            System.err.printf("  %s reported %d of %d%n", Instant.now(), reported.size(), documents);
            if (reported.size() >= documents) {
                return reported;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("only " + reported.size() + " of " + documents + " reported within " + timeout);
            }
            Thread.sleep(1000);
        }
    }

    private static Instant reportedAt(JsonNode invoice) {
        return Instant.parse(invoice.path("status_changed_at").asText());
    }

    private static Instant lastReport(List<JsonNode> reported) {
        return reported.stream().map(DrainBenchmark::reportedAt).max(Instant::compareTo).orElseThrow();
    }

    private static Path state(Map<String, String> options) {
        String file = options.get("--state");
        if (file == null) {
            throw new IllegalArgumentException("--phase issue and --phase drain need --state FILE");
        }
        return Path.of(file);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
