package sa.qayd.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sa.qayd.app.Tenants.Tenant;
import sa.qayd.query.audit.HistoryVerifier;

/**
 * kill -9 in the middle of a burst of invoices, of the service alone and of the service and its
 * PostgreSQL, then the same start command again: the service comes back by itself, every
 * acknowledged document is there once, the clients' retries (same Idempotency-Key) complete the
 * rest and answer what was acknowledged, the numbering has no gap, everything is reported, the
 * audit export verifies and is complete within seconds. A request in flight at the kill whose
 * invoice committed but whose answer was lost is run again by its retry (counted and printed).
 */
class CrashTest {
    private static final Duration BURST_BEFORE_KILL = Duration.ofMillis(2500);
    private static final int CLIENTS = 6;

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "kill -9 of the {0}")
    @ValueSource(strings = {"service", "service and its PostgreSQL"})
    void killNineMidBurstLosesNothingAndTheServiceComesBackByItself(String killed) throws Exception {
        int port = ServiceProcess.freePort();
        String[] command = {"qayd.data-dir=" + dataDir, "qayd.embedded-postgres.durable=true", "qayd.idempotency.lease=PT5S"};
        Path log = dataDir.resolve("service.log");
        Tenant tenant;
        UUID unit;
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        try (ServiceProcess first = ServiceProcess.start(log, port, command)) {
            Tenants tenants = new Tenants(new Api(port));
            tenant = tenants.onboard("sandbox");
            unit = tenants.activeUnit(tenant.apiKey(), "simplified");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger orders = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> {
                    Api api = new Api(port);
                    while (!stop.get()) {
                        String key = "order-" + orders.incrementAndGet();
                        sent.add(key);
                        try {
                            Api.Reply reply = issue(api, tenant, unit, key);
                            if (reply.status() == 201) {
                                acknowledged.put(key, reply.text("id"));
                            }
                        } catch (RuntimeException connectionLost) {
                            // the service died under this request: the client retries it later
                        }
                    }
                });
            }
            ServiceProcess.sleep(BURST_BEFORE_KILL);
            if (killed.contains("PostgreSQL")) {
                long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
                ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
            }
            first.kill();
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("invoices acknowledged before the kill").isNotEmpty();
        System.out.println("CrashTest (" + killed + "): " + acknowledged.size() + " of " + sent.size() + " acknowledged before kill -9");

        try (ServiceProcess second = ServiceProcess.start(log, port, command)) {
            if (!killed.contains("PostgreSQL")) {
                assertThat(Files.readString(log)).contains("stopping it before starting again");
            }
            Api api = new Api(port);
            // what was acknowledged is there, and readable
            for (String id : acknowledged.values()) {
                assertThat(api.get("/v1/invoices/" + id, tenant.apiKey()).status()).isEqualTo(200);
            }
            // the clients retry everything else with the same key; an interrupted first run frees its key within the lease
            for (String key : sent) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    Api.Reply retry = issue(api, tenant, unit, key);
                    assertThat(retry.status()).as(retry.raw().body()).isEqualTo(201);
                    String before = acknowledged.putIfAbsent(key, retry.text("id"));
                    assertThat(before == null || before.equals(retry.text("id"))).as("a retry answers the first invoice").isTrue();
                });
            }
            assertThat(Set.copyOf(acknowledged.values())).as("one invoice per order").hasSize(sent.size());
            // complete through the last retry, the export holds everything committed before it
            Set<String> issuedIds = Awaitility.await().atMost(Duration.ofSeconds(15))
                    .until(() -> count(export(port, tenant), "invoice.issued").keySet(),
                            ids -> ids.containsAll(acknowledged.values()));
            // a request in flight at the kill may have committed its invoice without its answer being kept: its
            // retry finds that invoice (its id comes from the Idempotency-Key) instead of issuing another
            assertThat(issuedIds).as("exactly one invoice per order, none issued twice").isEqualTo(Set.copyOf(acknowledged.values()));

            for (String id : issuedIds) {
                Awaitility.await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                        assertThat(api.get("/v1/invoices/" + id, tenant.apiKey()).text("status")).isEqualTo("reported"));
            }
            // the audit stream has them all within seconds, once each, in one gap-free verified chain
            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                List<JsonNode> export = export(port, tenant);
                Map<String, Long> issued = count(export, "invoice.issued");
                Map<String, Long> reported = count(export, "invoice.reported");
                assertThat(issued.keySet()).containsAll(acknowledged.values()).containsExactlyInAnyOrderElementsOf(issuedIds);
                assertThat(issued.values()).containsOnly(1L);
                assertThat(reported.keySet()).containsExactlyInAnyOrderElementsOf(issuedIds);
            });
            String export = exportText(port, tenant);
            HistoryVerifier.Report report = HistoryVerifier.verify(new StringReader(export));
            assertThat(report.breaks()).isEmpty();
            assertThat(report.documents()).isEqualTo(issuedIds.size());
            List<Long> icvs = export(port, tenant).stream()
                    .filter(event -> event.path("type").asText().equals("egs_unit.invoice_sequenced"))
                    .map(event -> event.path("data").path("icv").asLong()).sorted().toList();
            assertThat(icvs).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, issuedIds.size()).boxed().toList());
        }
    }

    private static Api.Reply issue(Api api, Tenant tenant, UUID unit, String key) {
        return api.send("POST", "/v1/invoices/simplified", tenant.apiKey(),
                Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()), Map.of("Idempotency-Key", key));
    }

    private static Map<String, Long> count(List<JsonNode> export, String type) {
        return export.stream().filter(event -> event.path("type").asText().equals(type))
                .collect(Collectors.groupingBy(event -> event.path("aggregate_id").asText(), Collectors.counting()));
    }

    private static List<JsonNode> export(int port, Tenant tenant) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : exportText(port, tenant).split("\n")) {
            if (!line.isBlank()) {
                events.add(Api.JSON.readTree(line));
            }
        }
        return events;
    }

    private static String exportText(int port, Tenant tenant) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/v1/audit/events?after=0"))
                .header("Authorization", "Bearer " + tenant.apiKey()).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }
}
