package sa.qayd.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import sa.qayd.app.Api;
import sa.qayd.app.Tenants;
import sa.qayd.app.Tenants.Tenant;
import sa.qayd.zatca.simulator.FatooraSimulator;

/** What ops see: the Prometheus scrape after real traffic, the health probes, and one request's trace. */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest extends QueryContext {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    @Autowired
    FatooraSimulator simulator;
    @Autowired
    CircuitBreakerRegistry zatcaCircuitBreakers;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    LoggingSystem logging;

    @Test
    void prometheusAnswersOnlyToTheAdminTokenAndShowsTheServiceAtWork() {
        Tenant tenant = tenants.onboard("sandbox");
        assertProblem(api.get("/actuator/prometheus", null), 401, "UNAUTHORIZED");
        assertProblem(api.get("/actuator/prometheus", tenant.apiKey()), 401, "UNAUTHORIZED");

        UUID unit = activeUnit(tenant.apiKey(), "both");
        simulator.faults().failNext(1, 503); // one retry inside a call
        UUID simplified = issue(tenant.apiKey(), unit, "simplified");
        issue(tenant.apiKey(), unit, "standard");
        awaitInvoice(tenant.apiKey(), simplified, "reported");

        HttpResponse<byte[]> scrape = download("/actuator/prometheus", ADMIN_TOKEN);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        List<String> samples = new String(scrape.body(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("#")).toList();

        assertThat(value(samples, "qayd_documents_issued_total", "environment=\"sandbox\"", "kind=\"simplified\"",
                "type=\"invoice\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "qayd_documents_issued_total", "kind=\"standard\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "qayd_documents_settled_total", "outcome=\"reported\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "qayd_documents_settled_total", "outcome=\"cleared\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "qayd_zatca_calls_seconds_count", "endpoint=\"reporting\"", "outcome=\"accepted\"",
                "status=\"200\"", "environment=\"sandbox\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "qayd_zatca_calls_seconds_count", "endpoint=\"compliance_invoice_check\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "qayd_zatca_calls_seconds_bucket", "endpoint=\"clearance\"", "le=\"+Inf\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "qayd_zatca_call_retries_total")).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "resilience4j_circuitbreaker_state", "name=\"" + simulator.baseUri() + "\"",
                "state=\"closed\"")).isEqualTo(1);
        assertThat(value(samples, "qayd_zatca_backlog", "environment=\"production\"", "kind=\"clearance\"",
                "state=\"retrying\"")).isZero();
        assertThat(value(samples, "qayd_zatca_backlog_oldest_age_seconds", "kind=\"reporting\"")).isNotNegative();
        assertThat(value(samples, "qayd_zatca_worker_in_flight", "environment=\"sandbox\"", "lane=\"urgent\""))
                .isNotNegative();
        assertThat(value(samples, "qayd_zatca_worker_settled_total")).isGreaterThanOrEqualTo(2);
        assertThat(value(samples, "qayd_zatca_work_seconds_count", "kind=\"reporting\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "qayd_event_processor_lag", "processor=\"invoices\"")).isNotNegative();
        assertThat(value(samples, "qayd_event_processor_replay_progress", "processor=\"invoices\"")).isEqualTo(1);
        assertThat(value(samples, "qayd_event_processor_dead_letters", "processor=\"invoices\"")).isZero();
        assertThat(value(samples, "qayd_webhook_deliveries_total", "outcome=\"given_up\"")).isNotNegative();
        assertThat(value(samples, "http_server_requests_seconds_count", "uri=\"/v1/invoices/simplified\""))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void livenessAndReadinessAnswerEveryoneAndAZatcaOutageNeverTakesAReplicaOutOfRotation() {
        Api.Reply liveness = api.get("/actuator/health/liveness", null);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.text("status")).isEqualTo("UP");

        Api.Reply readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).as(readiness.body().toString()).isEqualTo(200);
        JsonNode components = readiness.body().path("components");
        assertThat(components.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("readinessState", "db", "eventProcessors", "zatcaGateways");
        assertThat(components.path("eventProcessors").has("details")).as("details only for the admin token").isFalse();

        JsonNode details = admin("GET", "/actuator/health/readiness").body().path("components");
        assertThat(details.path("eventProcessors").path("details").path("invoices").asText()).isEqualTo("running");
        assertThat(details.path("zatcaGateways").path("details").path("circuit_breakers").path("sandbox").asText())
                .isEqualTo("CLOSED");

        CircuitBreaker sandbox = zatcaCircuitBreakers.circuitBreaker(simulator.baseUri().toString());
        sandbox.transitionToOpenState();
        try {
            Api.Reply outage = admin("GET", "/actuator/health/readiness");
            assertThat(outage.status()).isEqualTo(200);
            assertThat(outage.body().path("components").path("zatcaGateways").path("status").asText()).isEqualTo("UP");
            assertThat(outage.body().path("components").path("zatcaGateways").path("details").path("circuit_breakers")
                    .path("sandbox").asText()).isEqualTo("OPEN");
        } finally {
            sandbox.transitionToClosedState();
        }
    }

    @Test
    void aStoppedEventProcessorTakesTheReplicaOutOfRotationButLeavesItAlive() {
        EventProcessor auditOwners = processing.eventProcessor("audit-owners").orElseThrow();
        auditOwners.shutDown();
        try {
            Api.Reply readiness = admin("GET", "/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body().path("components").path("eventProcessors").path("status").asText())
                    .isEqualTo("DOWN");
            assertThat(readiness.body().path("components").path("eventProcessors").path("details")
                    .path("audit-owners").asText()).isEqualTo("stopped");
            assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        } finally {
            auditOwners.start();
        }
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    @Test
    void aRequestsTraceReachesItsEventsAndTheZatcaCallsMadeForItLater(CapturedOutput output) {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = activeUnit(tenant.apiKey(), "both");
        HexFormat hex = HexFormat.of();
        SecureRandom random = new SecureRandom();
        String traceId = hex.formatHex(random.generateSeed(16));
        String traceparent = "00-" + traceId + "-" + hex.formatHex(random.generateSeed(8)) + "-01";
        logging.setLogLevel("sa.qayd.command.zatca.ZatcaWorker", LogLevel.DEBUG);
        try {
            Api.Reply issued = api.send("POST", "/v1/invoices/simplified", tenant.apiKey(),
                    Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()), Map.of("traceparent", traceparent));
            assertThat(issued.status()).as(issued.body().toString()).isEqualTo(201);
            UUID invoice = UUID.fromString(issued.text("id"));
            awaitInvoice(tenant.apiKey(), invoice, "reported");

            assertThat(storedTraceParent(invoice, "InvoiceIssuedEvent")).startsWith("00-" + traceId + "-");
            assertThat(storedTraceParent(unit, "InvoiceSequencedEvent")).startsWith("00-" + traceId + "-");
            // recorded by the worker's command, in the same trace
            assertThat(storedTraceParent(invoice, "InvoiceReportedEvent")).startsWith("00-" + traceId + "-");
            assertThat(output.getOut().lines().filter(line -> line.contains("ZATCA work REPORTING " + invoice + " done")))
                    .singleElement().asString().contains(traceId);
        } finally {
            logging.setLogLevel("sa.qayd.command.zatca.ZatcaWorker", null);
        }
    }

    private String storedTraceParent(UUID aggregate, String eventType) {
        List<String> metaData = jdbc.queryForList("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type like ? order by global_index desc limit 1""",
                String.class, aggregate.toString(), "%." + eventType);
        assertThat(metaData).as(eventType + " of " + aggregate).hasSize(1);
        try {
            return Api.JSON.readTree(metaData.get(0)).path("traceparent").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sum of the samples of a metric whose labels include all of {@code labels}; fails when there is none. */
    private static double value(List<String> samples, String metric, String... labels) {
        double sum = 0;
        boolean found = false;
        for (String sample : samples) {
            Matcher matcher = SAMPLE.matcher(sample);
            if (matcher.matches() && matcher.group(1).equals(metric)
                    && List.of(labels).stream().allMatch(label -> matcher.group(2) != null && matcher.group(2).contains(label))) {
                sum += Double.parseDouble(matcher.group(3));
                found = true;
            }
        }
        assertThat(found).as("a sample of %s with %s", metric, List.of(labels)).isTrue();
        return sum;
    }
}
