package sa.qayd.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import sa.qayd.zatca.hash.InvoiceHash;

/**
 * Issues simplified invoices from a bounded pool of client threads for a fixed time (after a warm-up),
 * as integrators' tills would: each thread sends its next document when the previous one is answered.
 * Prints the issue rate and latencies of the measured window, and shows whether the rest of the
 * service keeps up meanwhile: every second, the documents issued but not yet reported (counted by the
 * {@code invoice.reported} webhooks this client receives on loopback, so reporting, the processors
 * and the webhook deliveries are all in the count) and the event processors' lag. Every answer's ICV
 * and previous-invoice hash are checked: per unit, ICVs 1..n without gaps or repeats, each PIH the
 * hash of the document before it, and every client thread sees its own documents in increasing order.
 * Run by {@code bench/issue}.
 * <p>
 * Options: {@code --url}, {@code --threads} (16), {@code --units} (4; 0 = one unit that the API key
 * has as its default unit, the bodies name none), {@code --seconds} (30), {@code --warmup-seconds}
 * (10), {@code --max-documents} (bound on the measured window, 1,000,000), {@code --admin-token}
 * (to sample processor lag), {@code --drain-seconds} (how long to wait for the last reports, 120).
 * Last line: {@code issue: <n> invoices/s, p50 <a> ms, p99 <b> ms (<threads> threads, <units> units)}.
 */
public final class IssueBenchmark {
    private IssueBenchmark() {
    }

    /** One document as its unit numbered and chained it. */
    private record Chained(long icv, String invoiceHash, String previousInvoiceHash) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        QaydClient qayd = new QaydClient(options.getOrDefault("--url", "http://127.0.0.1:8080"));
        int threads = Integer.parseInt(options.getOrDefault("--threads", "16"));
        int units = Integer.parseInt(options.getOrDefault("--units", "4"));
        Duration window = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--seconds", "30")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--warmup-seconds", "10")));
        int maxDocuments = Integer.parseInt(options.getOrDefault("--max-documents", "1000000"));
        String adminToken = options.get("--admin-token");
        Duration drainPatience = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--drain-seconds", "120")));

        Set<String> reported = ConcurrentHashMap.newKeySet();
        // daemon threads: a failed check ends the run instead of leaving it waiting on idle threads
        ExecutorService receiving = Executors.newFixedThreadPool(4, IssueBenchmark::daemon);
        HttpServer receiver = receiver(reported, receiving);
        qayd.awaitUp(Duration.ofMinutes(3));
        qayd.signUp();
        qayd.subscribeWebhook("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
        List<UUID> tills = new ArrayList<>();
        for (int i = 0; i < Math.max(units, 1); i++) {
            tills.add(qayd.activeUnit(Duration.ofMinutes(3)));
        }
        boolean defaultUnit = units == 0;
        if (defaultUnit) {
            qayd.useAsDefaultUnit(tills.get(0));
        }
        String shape = defaultUnit ? "1 unit (the key's default)" : units + " units";
        System.err.printf("%s active; %d client threads, %d s warm-up, %d s measured%n", shape, threads,
                warmUp.toSeconds(), window.toSeconds());

        Map<UUID, Map<Long, Chained>> chains = new ConcurrentHashMap<>();
        tills.forEach(unit -> chains.put(unit, new ConcurrentHashMap<>()));
        AtomicLong issued = new AtomicLong();
        AtomicInteger measured = new AtomicInteger();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long measureUntil = measureFrom + window.toNanos();
        long[][] latencies = new long[threads][];
        ExecutorService clients = Executors.newFixedThreadPool(threads, IssueBenchmark::daemon);
        List<Future<Integer>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            running.add(clients.submit(() -> {
                long[] mine = new long[1024];
                int count = 0;
                Map<UUID, Long> lastIcv = new java.util.HashMap<>();
                for (int n = thread; ; n += threads) {
                    UUID unit = tills.get(n % tills.size());
                    long sent = System.nanoTime();
                    if (sent >= measureUntil || (sent >= measureFrom && measured.get() >= maxDocuments)) {
                        break;
                    }
                    JsonNode answer = qayd.issueSimplified(defaultUnit ? null : unit);
                    long answered = System.nanoTime();
                    issued.incrementAndGet();
                    Chained chained = chained(answer);
                    UUID answeredUnit = UUID.fromString(answer.path("egs_unit_id").asText());
                    Long before = lastIcv.put(answeredUnit, chained.icv());
                    if (before != null && before >= chained.icv()) {
                        throw new IllegalStateException("thread " + thread + " got ICV " + chained.icv() + " after " + before);
                    }
                    if (chains.get(answeredUnit).put(chained.icv(), chained) != null) {
                        throw new IllegalStateException("ICV " + chained.icv() + " given twice on unit " + answeredUnit);
                    }
                    if (sent >= measureFrom && answered <= measureUntil) {
                        measured.incrementAndGet();
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, count * 2);
                        }
                        mine[count++] = answered - sent;
                    }
                }
                latencies[thread] = Arrays.copyOf(mine, count);
                return count;
            }));
        }

        List<long[]> backlogSamples = new ArrayList<>();
        while (running.stream().anyMatch(f -> !f.isDone())) {
            Thread.sleep(1000);
            long backlog = issued.get() - reported.size();
            String lags = adminToken == null ? "" : "; lag " + lags(qayd.processors(adminToken));
            System.err.printf("  %5.1f s: issued %d, reported %d, backlog %d%s%n", (System.nanoTime() - start) / 1e9,
                    issued.get(), reported.size(), backlog, lags);
            if (System.nanoTime() > measureFrom) {
                backlogSamples.add(new long[] {System.nanoTime(), backlog});
            }
        }
        for (Future<Integer> client : running) {
            client.get();
        }
        clients.shutdown();

        long lastIssue = System.nanoTime();
        long drainUntil = lastIssue + drainPatience.toNanos();
        while (reported.size() < issued.get() && System.nanoTime() < drainUntil) {
            Thread.sleep(200);
        }
        double drained = (System.nanoTime() - lastIssue) / 1e9;
        receiver.stop(0);
        receiving.shutdown();
        if (reported.size() < issued.get()) {
            throw new IllegalStateException("only " + reported.size() + " of " + issued.get() + " documents were reported"
                    + " (webhooks received) within " + drainPatience + " after the last issue");
        }
        checkChains(chains);

        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = window.toNanos() / 1e9;
        System.err.printf("%d documents issued in all, every chain intact; all reported (webhooks received) %.1f s after"
                + " the last issue; backlog %s%n", issued.get(), drained, backlogTrend(backlogSamples));
        System.out.printf("issue: %.0f invoices/s, p50 %.1f ms, p99 %.1f ms (%d threads, %d units)%n",
                all.length / seconds, percentile(all, 0.50), percentile(all, 0.99), threads, tills.size());
    }

    private static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable);
        thread.setDaemon(true);
        return thread;
    }

    /** The answer's ICV, hash, and the PIH inside its signed XML. */
    private static Chained chained(JsonNode answer) {
        String xml = new String(Base64.getDecoder().decode(answer.path("signed_xml").asText()), StandardCharsets.UTF_8);
        int reference = xml.indexOf("<cbc:ID>PIH</cbc:ID>");
        int valueStart = xml.indexOf('>', xml.indexOf("<cbc:EmbeddedDocumentBinaryObject", reference)) + 1;
        String previous = xml.substring(valueStart, xml.indexOf('<', valueStart));
        return new Chained(answer.path("icv").asLong(), answer.path("invoice_hash").asText(), previous);
    }

    /** Every unit's documents numbered 1..n, each PIH the hash of the document before. */
    private static void checkChains(Map<UUID, Map<Long, Chained>> chains) {
        chains.forEach((unit, documents) -> {
            String previousHash = InvoiceHash.FIRST_PREVIOUS_HASH;
            for (long icv = 1; icv <= documents.size(); icv++) {
                Chained document = documents.get(icv);
                if (document == null) {
                    throw new IllegalStateException("unit " + unit + " has " + documents.size() + " documents but no ICV " + icv);
                }
                if (!document.previousInvoiceHash().equals(previousHash)) {
                    throw new IllegalStateException("unit " + unit + " ICV " + icv + " does not chain to ICV " + (icv - 1));
                }
                previousHash = document.invoiceHash();
            }
        });
    }

    /** Whether the backlog grew: its average over the first and the second half of the measured window. */
    private static String backlogTrend(List<long[]> samples) {
        if (samples.size() < 2) {
            return "not sampled";
        }
        int half = samples.size() / 2;
        double first = samples.subList(0, half).stream().mapToLong(s -> s[1]).average().orElse(0);
        double second = samples.subList(half, samples.size()).stream().mapToLong(s -> s[1]).average().orElse(0);
        long peak = samples.stream().mapToLong(s -> s[1]).max().orElse(0);
        return String.format("%.0f in the first half of the window, %.0f in the second, peak %d", first, second, peak);
    }

    private static String lags(JsonNode processors) {
        StringBuilder lags = new StringBuilder();
        for (JsonNode processor : processors.path("data")) {
            if (!processor.path("lag").isMissingNode() && !processor.path("lag").isNull()) {
                lags.append(lags.isEmpty() ? "" : ", ").append(processor.path("name").asText()).append(' ')
                        .append(processor.path("lag").asLong());
            }
        }
        return lags.toString();
    }

    private static double percentile(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    /** The integrator's webhook endpoint: counts each reported document once (deliveries are at least once). */
    private static HttpServer receiver(Set<String> reported, ExecutorService threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", exchange -> {
            JsonNode event = QaydClient.JSON.readTree(exchange.getRequestBody().readAllBytes());
            if ("invoice.reported".equals(event.path("type").asText())) {
                reported.add(event.path("data").path("invoice_id").asText());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
        return server;
    }
}
