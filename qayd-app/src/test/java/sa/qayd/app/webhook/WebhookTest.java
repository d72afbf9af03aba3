package sa.qayd.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import sa.qayd.app.Api;
import sa.qayd.app.QaydApplication;
import sa.qayd.app.Tenants;
import sa.qayd.app.Tenants.Tenant;
import sa.qayd.zatca.simulator.FatooraSimulator;

/**
 * Webhooks end to end over real HTTP: Qayd, its embedded PostgreSQL and Fatoora simulator, and
 * integrators' receivers on loopback. Retries are seconds apart here, not minutes.
 */
@SpringBootTest(classes = QaydApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "qayd.data-dir=",
        "qayd.webhooks.allow-insecure-loopback=true",
        "qayd.webhooks.poll-interval=100ms",
        "qayd.webhooks.retry-initial=200ms",
        "qayd.webhooks.retry-max=1s",
        "qayd.webhooks.retry-for=6s",
        "qayd.submission.retry-initial=PT0.3S",
        "qayd.submission.retry-max=PT1S",
        "qayd.zatca.retry.max-attempts=2",
        "qayd.zatca.retry.initial-backoff=PT0.2S"})
class WebhookTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    FatooraSimulator simulator;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    Api api;
    Tenants tenants;
    final List<Receiver> receivers = new ArrayList<>();

    @BeforeEach
    void connect() {
        api = new Api(port);
        tenants = new Tenants(api);
    }

    @AfterEach
    void stopReceivers() {
        receivers.forEach(Receiver::close);
        simulator.faults().clear();
    }

    private Receiver receiver() {
        Receiver receiver = Receiver.start();
        receivers.add(receiver);
        return receiver;
    }

    /** A receiver with a webhook of the tenant's for these event types, whose signatures it checks. */
    private Receiver subscribed(Tenant tenant, String... events) {
        Receiver receiver = receiver();
        Api.Reply created = api.post("/v1/webhooks", tenant.apiKey(), Api.json("url", receiver.url(), "events", List.of(events)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        receiver.trust(created.text("secret"));
        return receiver;
    }

    /** Registers the receiver for all events and lets it trust the secret shown once. */
    private String register(String apiKey, Receiver receiver) {
        Api.Reply created = api.post("/v1/webhooks", apiKey, Api.json("url", receiver.url(), "description", "ERP"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        receiver.trust(created.text("secret"));
        return created.text("id");
    }

    private Api.Reply issueInvoice(String apiKey, String kind, UUID unit) {
        ObjectNode body = (kind.equals("standard") ? Tenants.standardInvoice() : Tenants.simplifiedInvoice())
                .put("egs_unit_id", unit.toString());
        Api.Reply issued = api.post("/v1/invoices/" + kind, apiKey, body);
        assertThat(issued.status()).as(issued.body().toString()).isIn(201, 202);
        return issued;
    }

    private String issue(String apiKey, String kind, UUID unit) {
        return issueInvoice(apiKey, kind, unit).text("id");
    }

    private static List<String> typesOf(List<Receiver.Request> requests, String subjectId) {
        return requests.stream().filter(request -> subjectId.equals(request.subjectId())).map(Receiver.Request::type).toList();
    }

    private List<JsonNode> log(String apiKey, String webhookId) {
        Api.Reply page = api.get("/v1/webhooks/" + webhookId + "/deliveries?limit=100", apiKey);
        assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        page.body().path("data").forEach(entries::add);
        return entries;
    }

    /** The webhook's deliveries about one invoice or unit, newest first. */
    private List<JsonNode> log(String apiKey, String webhookId, String subjectId) {
        return log(apiKey, webhookId).stream().filter(entry -> entry.path("subject_id").asText().equals(subjectId)).toList();
    }

    /**
     * While the receiver refuses the earlier event of a subject, the later one waits untried; once
     * the receiver takes events again, both arrive, in order.
     */
    private void assertLaterWaitsForEarlier(String apiKey, String webhookId, Receiver receiver, String subjectId,
                                            String earlier, String later) {
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
            List<JsonNode> entries = log(apiKey, webhookId, subjectId);
            assertThat(entries).extracting(entry -> entry.path("event_type").asText()).containsExactly(later, earlier);
            assertThat(entries.get(1).path("status").asText()).isEqualTo("pending");
            assertThat(entries.get(1).path("attempts").asInt()).isGreaterThanOrEqualTo(2);
        });
        JsonNode waiting = log(apiKey, webhookId, subjectId).get(0);
        assertThat(waiting.path("status").asText()).isEqualTo("pending");
        assertThat(waiting.path("attempts").asInt()).as("never tried while the earlier one is pending").isZero();
        assertThat(typesOf(receiver.requests(), subjectId)).containsOnly(earlier);

        receiver.failNext(0);
        Awaitility.await().atMost(PATIENCE).until(() -> typesOf(receiver.accepted(), subjectId).size() == 2);
        assertThat(typesOf(receiver.accepted(), subjectId)).containsExactly(earlier, later);
        List<String> arrivals = typesOf(receiver.requests(), subjectId);
        assertThat(arrivals.get(arrivals.size() - 1)).isEqualTo(later);
        assertThat(arrivals.subList(0, arrivals.size() - 1)).containsOnly(earlier);
        assertThat(receiver.requests()).allSatisfy(request -> assertThat(request.signatureValid()).isTrue());
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo(code);
    }

    @Test
    void signedEventsTellOfAnActiveUnitAClearedStandardAndAReportedSimplifiedInvoice() {
        Tenant tenant = tenants.onboard("sandbox");
        Receiver receiver = receiver();
        Api.Reply created = api.post("/v1/webhooks", tenant.apiKey(), Api.json("url", receiver.url()));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/v1/webhooks/" + created.text("id"));
        assertThat(created.text("secret")).startsWith("whsec_");
        assertThat(created.text("environment")).isEqualTo("sandbox");
        assertThat(created.body().path("events")).extracting(JsonNode::asText).containsExactly("invoice.cleared",
                "invoice.reported", "invoice.rejected", "invoice.delayed", "invoice.failed", "invoice.reporting_overdue",
                "egs_unit.active", "egs_unit.failed", "egs_unit.certificate_renewed",
                "egs_unit.certificate_renewal_failed");
        receiver.trust(created.text("secret"));
        String webhookId = created.text("id");
        Api.Reply listed = api.get("/v1/webhooks", tenant.apiKey());
        assertThat(listed.body().path("data").findValuesAsText("id")).containsExactly(webhookId);
        assertThat(listed.raw().body()).doesNotContain(created.text("secret"));

        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");
        Api.Reply standardInvoice = issueInvoice(tenant.apiKey(), "standard", unit);
        String standard = standardInvoice.text("id");
        String simplified = issue(tenant.apiKey(), "simplified", unit);

        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(typesOf(receiver.accepted(), standard)).containsExactly("invoice.cleared");
            assertThat(typesOf(receiver.accepted(), simplified)).containsExactly("invoice.reported");
        });
        List<Receiver.Request> requests = receiver.requests();
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.signatureValid()).as("signature of %s", request.event()).isTrue();
            assertThat(request.eventId()).isEqualTo(request.event().path("id").asText());
            assertThat(request.deliveryId()).isNotBlank();
            assertThat(request.event().path("environment").asText()).isEqualTo("sandbox");
            assertThat(request.event().path("created_at").asText()).isNotBlank();
        });
        JsonNode active = requests.stream().filter(r -> r.type().equals("egs_unit.active")).findFirst().orElseThrow().event();
        assertThat(active.path("data").path("egs_unit_id").asText()).isEqualTo(unit.toString());
        assertThat(active.path("data").path("status").asText()).isEqualTo("active");

        JsonNode cleared = requests.stream().filter(r -> standard.equals(r.subjectId())).findFirst().orElseThrow().event();
        assertThat(cleared.path("data").path("egs_unit_id").asText()).isEqualTo(unit.toString());
        assertThat(cleared.path("data").path("status").asText()).isEqualTo("cleared");
        assertThat(cleared.path("data").path("kind").asText()).isEqualTo("standard");
        assertThat(cleared.path("data").path("invoice_number").asText()).isEqualTo(standardInvoice.text("invoice_number"));
        assertThat(cleared.path("data").path("document_type").asText()).isEqualTo("invoice");
        assertThat(cleared.path("data").path("zatca_messages").isArray()).isTrue();

        List<JsonNode> entries = log(tenant.apiKey(), webhookId);
        assertThat(entries).hasSize(3).allSatisfy(entry -> {
            assertThat(entry.path("status").asText()).isEqualTo("delivered");
            assertThat(entry.path("attempts").asInt()).isEqualTo(1);
            assertThat(entry.path("last_status_code").asInt()).isEqualTo(204);
            assertThat(entry.path("delivered_at").asText()).isNotBlank();
            assertThat(entry.path("next_attempt_at").isNull()).isTrue();
        });
        assertThat(entries).extracting(entry -> entry.path("event_type").asText())
                .containsExactlyInAnyOrder("invoice.reported", "invoice.cleared", "egs_unit.active")
                .last().isEqualTo("egs_unit.active");
    }

    /** ZATCA is down for the first submission: the invoice is delayed, then reported. */
    @Test
    void anInvoicesReportWaitsWhileItsDelayIsStillBeingRetried() {
        Tenant tenant = tenants.onboard("sandbox");
        Receiver receiver = receiver();
        String webhookId = register(tenant.apiKey(), receiver);
        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");
        Awaitility.await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 1);

        receiver.failNext(Integer.MAX_VALUE);
        simulator.faults().failNext(2, 503);
        String invoice = issue(tenant.apiKey(), "simplified", unit);

        assertLaterWaitsForEarlier(tenant.apiKey(), webhookId, receiver, invoice, "invoice.delayed", "invoice.reported");
        JsonNode delayed = receiver.accepted().stream().filter(request -> request.type().equals("invoice.delayed"))
                .findFirst().orElseThrow().event();
        assertThat(delayed.path("data").path("status").asText()).isEqualTo("pending_reporting");
        assertThat(delayed.path("data").path("delay").path("attempt").asInt()).isEqualTo(1);
        assertThat(delayed.path("data").path("delay").path("next_attempt_at").asText()).isNotBlank();
        assertThat(delayed.path("data").path("delay").path("reason").asText()).contains("503");
    }

    /** A unit fails onboarding, then succeeds with a new OTP: two events of one subject. */
    @Test
    void aUnitsActivationWaitsWhileItsFailureIsStillBeingRetried() {
        Tenant tenant = tenants.onboard("sandbox");
        Receiver receiver = receiver();
        String webhookId = register(tenant.apiKey(), receiver);
        receiver.failNext(Integer.MAX_VALUE);
        Api.Reply created = api.post("/v1/egs", tenant.apiKey(), Tenants.unitBody("Till with a typo", "both").put("otp", "999999"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
        String unit = created.text("id");
        Awaitility.await().atMost(PATIENCE).until(() -> !receiver.requests().isEmpty());
        Api.Reply restarted = api.post("/v1/egs/" + unit + "/onboarding", tenant.apiKey(), Api.json("otp", "123345"));
        assertThat(restarted.status()).as(restarted.body().toString()).isBetween(200, 299);

        assertLaterWaitsForEarlier(tenant.apiKey(), webhookId, receiver, unit, "egs_unit.failed", "egs_unit.active");
    }

    @Test
    void givesUpAfterTheRetryWindowAndRedeliversByHand() {
        double retried = deliveries("retrying");
        double givenUp = deliveries("given_up");
        double delivered = deliveries("delivered");
        Tenant tenant = tenants.onboard("sandbox");
        Receiver receiver = receiver();
        String webhookId = register(tenant.apiKey(), receiver);
        receiver.failNext(Integer.MAX_VALUE);
        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");

        Awaitility.await().atMost(PATIENCE).until(() -> !receiver.requests().isEmpty());
        String deliveryId = receiver.requests().get(0).deliveryId();
        String redeliver = "/v1/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/redeliver";
        assertProblem(api.post(redeliver, tenant.apiKey(), null), 409, "WEBHOOK_DELIVERY_PENDING");

        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode entry = log(tenant.apiKey(), webhookId).get(0);
            assertThat(entry.path("status").asText()).isEqualTo("failed");
            assertThat(entry.path("last_status_code").asInt()).isEqualTo(500);
            assertThat(entry.path("last_error").asText()).contains("500");
        });
        int attemptsBeforeGivingUp = receiver.requests().size();
        assertThat(attemptsBeforeGivingUp).isGreaterThanOrEqualTo(3);
        JsonNode failed = log(tenant.apiKey(), webhookId).get(0);
        assertThat(failed.path("attempts").asInt()).isEqualTo(attemptsBeforeGivingUp);
        assertThat(failed.path("next_attempt_at").isNull()).isTrue();
        // counted right after the delivery log is written
        Awaitility.await().atMost(PATIENCE).until(() -> deliveries("given_up") - givenUp >= 1);
        assertThat(deliveries("retrying") - retried).isGreaterThanOrEqualTo(attemptsBeforeGivingUp - 1);

        receiver.failNext(0);
        Api.Reply accepted = api.post(redeliver, tenant.apiKey(), null);
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        assertThat(accepted.text("status")).isEqualTo("pending");
        Awaitility.await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 1);
        Receiver.Request redelivered = receiver.accepted().get(0);
        assertThat(redelivered.type()).isEqualTo("egs_unit.active");
        assertThat(redelivered.deliveryId()).isEqualTo(deliveryId);
        assertThat(redelivered.event().path("data").path("egs_unit_id").asText()).isEqualTo(unit.toString());
        Awaitility.await().atMost(PATIENCE).untilAsserted(
                () -> assertThat(log(tenant.apiKey(), webhookId).get(0).path("status").asText()).isEqualTo("delivered"));
        Awaitility.await().atMost(PATIENCE).until(() -> deliveries("delivered") - delivered >= 1);
    }

    /** Delivery attempts with this outcome so far, as published at /actuator/prometheus. */
    private double deliveries(String outcome) {
        return meters.get("qayd.webhook.deliveries").tag("outcome", outcome).counter().count();
    }

    @Test
    void aFailedOnboardingIsAnEventToo() {
        Tenant tenant = tenants.onboard("sandbox");
        Receiver receiver = subscribed(tenant, "egs_unit.failed");
        UUID good = tenants.activeUnit(tenant.apiKey(), "both");
        Api.Reply wrongOtp = api.post("/v1/egs", tenant.apiKey(), Tenants.unitBody("Till with a typo", "both").put("otp", "999999"));
        assertThat(wrongOtp.status()).as(wrongOtp.body().toString()).isEqualTo(202);
        String failedUnit = wrongOtp.text("id");

        Awaitility.await().atMost(PATIENCE).until(() -> receiver.accepted().stream()
                .anyMatch(request -> request.type().equals("egs_unit.failed")));
        assertThat(receiver.accepted()).as("only the subscribed type").hasSize(1);
        JsonNode event = receiver.accepted().get(0).event();
        assertThat(event.path("type").asText()).isEqualTo("egs_unit.failed");
        assertThat(event.path("data").path("egs_unit_id").asText()).isEqualTo(failedUnit).isNotEqualTo(good.toString());
        assertThat(event.path("data").path("status").asText()).isEqualTo("failed");
        assertThat(event.path("data").path("failure").path("reason").asText()).isNotBlank();
        assertThat(receiver.requests()).allSatisfy(request -> assertThat(request.signatureValid()).isTrue());
    }

    @Test
    void aDocumentZatcaRefusedForGoodIsAnEventWithZatcasReason() {
        Tenant tenant = tenants.onboard("sandbox");
        Receiver receiver = subscribed(tenant, "invoice.failed");
        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");
        simulator.faults().failNext(1, 413);
        String failed = issue(tenant.apiKey(), "simplified", unit);

        Awaitility.await().atMost(PATIENCE).until(() -> !receiver.accepted().isEmpty());
        JsonNode event = receiver.accepted().get(0).event();
        assertThat(event.path("type").asText()).isEqualTo("invoice.failed");
        assertThat(event.path("data").path("invoice_id").asText()).isEqualTo(failed);
        assertThat(event.path("data").path("status").asText()).isEqualTo("failed");
        assertThat(event.path("data").path("failure_reason").asText()).contains("413");
    }

    @Test
    void aRenewedCertificateIsAnEvent() {
        Tenant tenant = tenants.onboard("sandbox");
        Receiver receiver = subscribed(tenant, "egs_unit.certificate_renewed");
        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");
        assertThat(api.post("/v1/egs/" + unit + "/renew", tenant.apiKey(), Api.json("otp", "123345")).status())
                .isEqualTo(202);

        Awaitility.await().atMost(PATIENCE).until(() -> !receiver.accepted().isEmpty());
        JsonNode event = receiver.accepted().get(0).event();
        assertThat(event.path("type").asText()).isEqualTo("egs_unit.certificate_renewed");
        assertThat(event.path("data").path("egs_unit_id").asText()).isEqualTo(unit.toString());
        assertThat(event.path("data").path("status").asText()).isEqualTo("active");
    }

    @Test
    void anotherAccountsOrEnvironmentsWebhookNeverHearsOfAnEvent() {
        Tenant tenant = tenants.onboard("sandbox");
        Tenant stranger = tenants.onboard("sandbox");
        Receiver ours = receiver();
        Receiver theirs = receiver();
        Receiver ourProduction = receiver();
        String ourWebhook = register(tenant.apiKey(), ours);
        String theirWebhook = register(stranger.apiKey(), theirs);

        Api browser = new Api(port);
        assertThat(browser.post("/v1/session", null, Api.json("email", tenant.email(), "password", tenant.password())).status())
                .isEqualTo(200);
        Map<String, String> csrf = Map.of("X-XSRF-TOKEN", browser.csrfToken());
        assertProblem(browser.send("POST", "/v1/webhooks", null, Api.json("url", ourProduction.url()), csrf),
                422, "VALIDATION_FAILED");
        Api.Reply production = browser.send("POST", "/v1/webhooks", null,
                Api.json("url", ourProduction.url(), "environment", "production"), csrf);
        assertThat(production.status()).as(production.body().toString()).isEqualTo(201);
        assertThat(production.text("environment")).isEqualTo("production");
        ourProduction.trust(production.text("secret"));
        String productionWebhook = production.text("id");

        UUID ourUnit = tenants.activeUnit(tenant.apiKey(), "both");
        String invoice = issue(tenant.apiKey(), "simplified", ourUnit);
        UUID theirUnit = tenants.activeUnit(stranger.apiKey(), "both");

        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(typesOf(ours.accepted(), invoice)).containsExactly("invoice.reported");
            assertThat(theirs.accepted()).hasSize(1);
        });
        assertThat(ours.accepted()).extracting(Receiver.Request::type)
                .containsExactlyInAnyOrder("egs_unit.active", "invoice.reported");
        assertThat(theirs.accepted().get(0).event().path("data").path("egs_unit_id").asText()).isEqualTo(theirUnit.toString());
        assertThat(ourProduction.requests()).isEmpty();
        assertThat(log(stranger.apiKey(), theirWebhook)).extracting(entry -> entry.path("subject_id").asText())
                .containsExactly(theirUnit.toString());
        assertThat(browser.get("/v1/webhooks/" + productionWebhook + "/deliveries", null).body().path("data")).isEmpty();

        assertProblem(api.get("/v1/webhooks/" + ourWebhook, stranger.apiKey()), 404, "WEBHOOK_NOT_FOUND");
        assertProblem(api.get("/v1/webhooks/" + ourWebhook + "/deliveries", stranger.apiKey()), 404, "WEBHOOK_NOT_FOUND");
        assertProblem(api.send("DELETE", "/v1/webhooks/" + ourWebhook, stranger.apiKey(), null, Map.of()), 404, "WEBHOOK_NOT_FOUND");
        String ourDelivery = ours.accepted().get(0).deliveryId();
        assertProblem(api.post("/v1/webhooks/" + theirWebhook + "/deliveries/" + ourDelivery + "/redeliver",
                stranger.apiKey(), null), 404, "WEBHOOK_DELIVERY_NOT_FOUND");
        assertProblem(api.get("/v1/webhooks/" + productionWebhook, tenant.apiKey()), 403, "ENVIRONMENT_MISMATCH");
        assertProblem(api.post("/v1/webhooks", tenant.apiKey(), Api.json("url", ours.url(), "environment", "production")),
                403, "ENVIRONMENT_MISMATCH");
        assertThat(api.get("/v1/webhooks", tenant.apiKey()).body().path("data").findValuesAsText("id")).containsExactly(ourWebhook);
        assertThat(browser.get("/v1/webhooks", null).body().path("data").findValuesAsText("id"))
                .containsExactlyInAnyOrder(ourWebhook, productionWebhook);
        assertThat(browser.get("/v1/webhooks?environment=production", null).body().path("data").findValuesAsText("id"))
                .containsExactly(productionWebhook);
    }

    @Test
    void aDeletedWebhookHearsNothingMore() {
        Tenant tenant = tenants.onboard("sandbox");
        Receiver kept = receiver();
        Receiver deleted = receiver();
        register(tenant.apiKey(), kept);
        String gone = register(tenant.apiKey(), deleted);
        assertThat(api.send("DELETE", "/v1/webhooks/" + gone, tenant.apiKey(), null, Map.of()).status()).isEqualTo(204);
        assertProblem(api.get("/v1/webhooks/" + gone, tenant.apiKey()), 404, "WEBHOOK_NOT_FOUND");
        // both are facts of the account's history, naming the key that acted, and neither holds the secret
        List<String> history = jdbc.queryForList("""
                select convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? order by sequence_number""", String.class, gone);
        assertThat(history).hasSize(2).allSatisfy(event -> assertThat(event)
                .contains("\"actorId\":\"" + tenant.apiKeyId() + "\"").doesNotContain("whsec_"));
        assertThat(history.get(0)).contains(deleted.url());

        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");
        Awaitility.await().atMost(PATIENCE).until(() -> kept.accepted().size() == 1);
        assertThat(kept.accepted().get(0).event().path("data").path("egs_unit_id").asText()).isEqualTo(unit.toString());
        assertThat(deleted.requests()).isEmpty();
    }

    @Test
    void theDeliveryLogIsPagedNewestFirst() {
        Tenant tenant = tenants.onboard("sandbox");
        Receiver receiver = receiver();
        String webhookId = register(tenant.apiKey(), receiver);
        receiver.failNext(2);
        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");
        Awaitility.await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 1);
        List<Receiver.Request> attempts = receiver.requests();
        assertThat(attempts).extracting(Receiver.Request::answered).containsExactly(500, 500, 204);
        assertThat(attempts).extracting(Receiver.Request::deliveryId).containsOnly(attempts.get(0).deliveryId());
        assertThat(Duration.between(attempts.get(0).arrivedAt(), attempts.get(1).arrivedAt()))
                .as("first pause: half of retry-initial at least").isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.between(attempts.get(1).arrivedAt(), attempts.get(2).arrivedAt()))
                .as("second pause: doubled").isGreaterThanOrEqualTo(Duration.ofMillis(200));
        List<String> invoices = List.of(issue(tenant.apiKey(), "simplified", unit), issue(tenant.apiKey(), "simplified", unit));
        Awaitility.await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 3);

        String deliveries = "/v1/webhooks/" + webhookId + "/deliveries?limit=2";
        Api.Reply first = api.get(deliveries, tenant.apiKey());
        assertThat(first.body().path("data")).hasSize(2);
        String cursor = first.text("next_cursor");
        assertThat(cursor).isNotBlank();
        Api.Reply second = api.get(deliveries + "&cursor=" + cursor, tenant.apiKey());
        assertThat(second.body().path("data")).hasSize(1);
        assertThat(second.body().path("next_cursor").isNull()).isTrue();
        JsonNode retried = second.body().path("data").get(0);
        assertThat(retried.path("event_type").asText()).isEqualTo("egs_unit.active");
        assertThat(retried.path("attempts").asInt()).isEqualTo(3);
        assertThat(retried.path("last_status_code").asInt()).isEqualTo(204);
        assertThat(retried.path("last_error").isNull()).isTrue();
        assertThat(first.body().path("data").findValuesAsText("subject_id")).containsExactlyInAnyOrderElementsOf(invoices);

        assertProblem(api.get(deliveries + "&cursor=nonsense", tenant.apiKey()), 422, "VALIDATION_FAILED");
        assertProblem(api.get("/v1/webhooks/" + webhookId + "/deliveries?limit=0", tenant.apiKey()), 422, "VALIDATION_FAILED");
    }

    /** Replaying the "webhooks" processor (a rebuild of its lookups) must not send anything again. */
    @Test
    void aReplaySendsNothingAgain() {
        Tenant tenant = tenants.onboard("sandbox");
        Receiver receiver = receiver();
        String webhookId = register(tenant.apiKey(), receiver);
        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");
        String before = issue(tenant.apiKey(), "simplified", unit);
        Awaitility.await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 2);

        StreamingEventProcessor outbox = processing.eventProcessor("webhooks", StreamingEventProcessor.class).orElseThrow();
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        outbox.shutDown();
        outbox.resetTokens();
        outbox.start();
        // caught up with the history; the replay flag itself clears only with the next new event
        Awaitility.await().atMost(PATIENCE).until(() -> !outbox.processingStatus().isEmpty()
                && outbox.processingStatus().values().stream()
                        .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= head));

        String after = issue(tenant.apiKey(), "simplified", unit);
        Awaitility.await().atMost(PATIENCE).until(() -> typesOf(receiver.accepted(), after).size() == 1);
        assertThat(receiver.requests()).extracting(Receiver.Request::subjectId)
                .containsExactlyInAnyOrder(unit.toString(), before, after);
        assertThat(log(tenant.apiKey(), webhookId)).hasSize(3);
    }

    @Test
    void registrationsAreCheckedFieldByField() {
        Tenant tenant = tenants.onboard("sandbox");
        Api.Reply everythingWrong = api.post("/v1/webhooks", tenant.apiKey(), Api.json("url", "http://example.com/hooks",
                "events", List.of("invoice.cleared", "invoice.paid"), "description", "x".repeat(501)));
        assertProblem(everythingWrong, 422, "VALIDATION_FAILED");
        assertThat(everythingWrong.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("url", "events[1]", "description");
        assertThat(everythingWrong.body().path("errors").get(0).path("message").asText()).contains("https://");

        for (String privateTarget : List.of("https://10.1.2.3/hooks", "https://192.168.0.10/hooks", "https://172.16.5.4/hooks",
                "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/hooks", "https://100.64.0.1/hooks",
                "https://0.0.0.0/hooks")) {
            Api.Reply refused = api.post("/v1/webhooks", tenant.apiKey(), Api.json("url", privateTarget));
            assertProblem(refused, 422, "VALIDATION_FAILED");
            assertThat(refused.body().path("errors").get(0).path("field").asText()).as(privateTarget).isEqualTo("url");
            assertThat(refused.body().path("errors").get(0).path("message").asText()).as(privateTarget).contains("private");
        }
        for (String malformed : List.of("ftp://example.com/hooks", "not a url", "https:///hooks", "https://user:pw@127.0.0.1/hooks")) {
            Api.Reply refused = api.post("/v1/webhooks", tenant.apiKey(), Api.json("url", malformed));
            assertProblem(refused, 422, "VALIDATION_FAILED");
            assertThat(refused.body().path("errors").findValuesAsText("field")).as(malformed).containsExactly("url");
        }
        Api.Reply noEvents = api.post("/v1/webhooks", tenant.apiKey(), Api.json("url", "https://127.0.0.1/hooks", "events", List.of()));
        assertProblem(noEvents, 422, "VALIDATION_FAILED");
        assertThat(noEvents.body().path("errors").findValuesAsText("field")).containsExactly("events");
        assertProblem(api.post("/v1/webhooks", tenant.apiKey(), Api.json("url", "https://127.0.0.1/hooks", "secret", "mine")),
                422, "VALIDATION_FAILED");
        assertThat(api.get("/v1/webhooks", tenant.apiKey()).body().path("data")).isEmpty();
    }
}
