package sa.qayd.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sa.qayd.api.egs.InvoiceSequencedEvent;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.app.Api;
import sa.qayd.app.EventLog;
import sa.qayd.app.Tenants.Tenant;

/** The operators' side: the admin API, online rebuilds, dead letters and event upcasting. */
class OperationsTest extends QueryContext {
    /** Every projection that can be rebuilt, and the table it fills, keyed by its primary key. */
    private static final Map<String, String> PROJECTIONS = Map.of(
            "invoices", "select invoice_id::text, md5(t::text) from invoice_view t",
            "egs-units", "select egs_unit_id::text, md5(t::text) from egs_unit_view t",
            "audit-owners", "select aggregate_identifier, md5(t::text) from audit_aggregate_owner t");

    @Autowired
    EventStore eventStore;

    @Test
    void theAdminApiAnswersOnlyToTheAdminToken() {
        Tenant tenant = tenants.onboard("sandbox");
        assertProblem(api.get("/admin/processors", null), 401, "UNAUTHORIZED");
        assertProblem(api.get("/admin/processors", tenant.apiKey()), 401, "UNAUTHORIZED");
        assertProblem(api.send("POST", "/admin/processors/invoices/reset", null, null,
                Map.of("Authorization", "Bearer " + ADMIN_TOKEN + "x")), 401, "UNAUTHORIZED");

        Api.Reply processors = admin("GET", "/admin/processors");
        assertThat(processors.status()).as(processors.body().toString()).isEqualTo(200);
        Map<String, JsonNode> byName = new HashMap<>();
        processors.body().path("data").forEach(p -> byName.put(p.path("name").asText(), p));
        assertThat(byName).containsKeys("invoices", "egs-units", "audit-owners", "credentials");
        assertThat(byName.get("credentials").path("mode").asText()).isEqualTo("subscribing");
        JsonNode invoices = byName.get("invoices");
        assertThat(invoices.path("mode").asText()).isEqualTo("pooled");
        assertThat(invoices.path("running").asBoolean()).isTrue();
        assertThat(invoices.path("head").asLong()).isPositive();
        assertThat(invoices.path("segments")).isNotEmpty();
        assertThat(invoices.path("dead_letters").isNumber()).isTrue();
        assertThat(byName.get("audit-owners").path("dead_letters").isNull()).isTrue();

        assertProblem(admin("GET", "/admin/processors/nope"), 404, "EVENT_PROCESSOR_NOT_FOUND");
        assertProblem(admin("POST", "/admin/processors/credentials/reset"), 409, "EVENT_PROCESSOR_RESET_REFUSED");
    }

    @Test
    void projectionsRebuiltWhileTrafficContinuesEqualTheLiveOnesAndAFreshRebuild() throws InterruptedException {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = activeUnit(tenant.apiKey(), "both");
        for (int i = 0; i < 3; i++) {
            issue(tenant.apiKey(), unit, i == 1 ? "standard" : "simplified");
        }
        awaitSettled();
        Map<String, Map<String, String>> live = dump();

        AtomicBoolean traffic = new AtomicBoolean(true);
        List<UUID> issuedDuringRebuild = new CopyOnWriteArrayList<>();
        Thread integrator = new Thread(() -> {
            while (traffic.get()) {
                issuedDuringRebuild.add(issue(tenant.apiKey(), unit, "simplified"));
            }
        });
        integrator.start();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> issuedDuringRebuild.size() >= 2);
        PROJECTIONS.keySet().forEach(name -> {
            Api.Reply reset = admin("POST", "/admin/processors/" + name + "/reset");
            assertThat(reset.status()).as(reset.body().toString()).isEqualTo(202);
        });
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> issuedDuringRebuild.size() >= 6);
        traffic.set(false);
        integrator.join();
        awaitSettled();
        Map<String, Map<String, String>> rebuiltUnderTraffic = dump();

        PROJECTIONS.keySet().forEach(name -> assertThat(admin("POST", "/admin/processors/" + name + "/reset").status()).isEqualTo(202));
        awaitSettled();
        Map<String, Map<String, String>> freshRebuild = dump();

        assertThat(rebuiltUnderTraffic).isEqualTo(freshRebuild);
        live.forEach((table, rows) -> assertThat(rebuiltUnderTraffic.get(table)).containsAllEntriesOf(rows));
        assertThat(rebuiltUnderTraffic.get("invoices")).containsKeys(
                issuedDuringRebuild.stream().map(UUID::toString).toArray(String[]::new));
    }

    @Test
    void aPoisonEventIsDeadLetteredInspectableAndRetriedWithoutBlockingTheProjection() {
        UUID poisoned = UUID.randomUUID();
        String payload = "{\"invoiceId\":\"" + poisoned + "\",\"accountId\":\"" + UUID.randomUUID()
                + "\",\"attempt\":1,\"reason\":\"no next attempt: cannot be projected\",\"nextAttemptAt\":null}";
        store(poisoned, "Invoice", "sa.qayd.api.invoice.InvoiceSubmissionDelayedEvent", null, payload);

        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = activeUnit(tenant.apiKey(), "both");
        UUID after = issue(tenant.apiKey(), unit, "simplified");
        awaitInvoice(tenant.apiKey(), after, "reported");

        JsonNode letter = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> poisonLetter(poisoned), Objects::nonNull);
        assertThat(letter.path("event_type").asText()).isEqualTo("sa.qayd.api.invoice.InvoiceSubmissionDelayedEvent");
        assertThat(letter.path("cause_type").asText()).isNotBlank();

        Api.Reply retry = admin("POST", "/admin/processors/invoices/dead-letters/retry");
        assertThat(retry.status()).as(retry.body().toString()).isEqualTo(200);
        assertThat(retry.body().path("tried").asLong()).isPositive();
        assertThat(poisonLetter(poisoned)).as("still poison, so still queued").isNotNull();
        assertThat(admin("GET", "/admin/processors/invoices").body().path("dead_letters").asLong()).isPositive();
        assertProblem(admin("GET", "/admin/processors/audit-owners/dead-letters"), 404, "EVENT_PROCESSOR_NOT_FOUND");
    }

    @Test
    void anEventWhoseBatchedWritePostgresRefusesIsDeadLetteredAloneAndItsBatchIsProjected() {
        Tenant tenant = tenants.onboard("sandbox");
        ObjectNode issued = storedPayload(reportedInvoice(tenant), "InvoiceIssuedEvent");
        UUID refused = UUID.randomUUID();
        UUID neighbour = UUID.randomUUID();
        ObjectNode tooLongCurrency = issued.deepCopy().put("invoiceId", refused.toString());
        ((ObjectNode) tooLongCurrency.path("amounts")).put("currency", "SARX");
        store(refused, "Invoice", "sa.qayd.api.invoice.InvoiceIssuedEvent", null, tooLongCurrency.toString());
        store(neighbour, "Invoice", "sa.qayd.api.invoice.InvoiceIssuedEvent", null,
                issued.deepCopy().put("invoiceId", neighbour.toString()).toString());

        JsonNode letter = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> poisonLetter(refused), Objects::nonNull);
        assertThat(letter.path("cause_message").asText()).contains("character(3)");
        assertThat(api.get("/v1/invoices/" + neighbour, tenant.apiKey()).status()).isEqualTo(200);
        assertThat(download("/v1/invoices/" + neighbour + "/xml", tenant.apiKey()).body())
                .as("documents are read from the invoice's own events")
                .isEqualTo(Base64.getDecoder().decode(issued.path("signedXml").asText()));
        assertThat(jdbc.queryForObject("select count(*) from invoice_view where invoice_id = ?", Long.class, refused)).isZero();
    }

    @Test
    void aStoredRevisionOneInvoiceSequencedEventIsReadAsRevisionTwo() {
        UUID unit = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        store(unit, "EgsUnit", InvoiceSequencedEvent.class.getName(), null,
                "{\"egsUnitId\":\"" + unit + "\",\"invoiceId\":\"" + invoice + "\",\"sequenceNumber\":7}");

        Object payload = eventStore.readEvents(unit.toString()).next().getPayload();

        assertThat(payload).as("an unsigned document of the first releases: the signed chain starts at the seed")
                .isEqualTo(new InvoiceSequencedEvent(unit, invoice, 7, InvoiceHash.FIRST_PREVIOUS_HASH));
    }

    @Test
    void aStoredRevisionOneInvoiceSequencedEventWithoutItsHashIsNeverReadAsANullHash() {
        UUID unit = UUID.randomUUID();
        store(unit, "EgsUnit", InvoiceSequencedEvent.class.getName(), null,
                "{\"egsUnitId\":\"" + unit + "\",\"invoiceId\":\"" + UUID.randomUUID() + "\",\"icv\":3}");

        assertThatThrownBy(() -> eventStore.readEvents(unit.toString()).next().getPayload())
                .hasStackTraceContaining("carries no invoice hash").hasStackTraceContaining(unit.toString());
    }

    @Test
    void aSnapshotOfAnEarlierRevisionOfTheUnitIsIgnoredAndTheChainGoesOnFromItsEvents() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = activeUnit(tenant.apiKey(), "both");
        UUID first = issue(tenant.apiKey(), unit, "simplified");
        String firstHash = storedPayload(first, "InvoiceIssuedEvent").path("invoiceHash").asText();
        JsonNode registered = unitEvent(unit, "EgsUnitRegisteredEvent");
        JsonNode onboarded = unitEvent(unit, "EgsUnitOnboardedEvent");
        // the unit's fields as a snapshot without a revision held them, claiming a chain that never was
        ObjectNode stale = Api.JSON.createObjectNode().put("egsUnitId", unit.toString())
                .put("accountId", tenant.accountId().toString()).put("environment", "SANDBOX");
        stale.set("identity", registered.path("identity"));
        stale.put("step", "ACTIVE").put("certificate", onboarded.path("certificate").asText())
                .put("keyId", onboarded.path("keyId").asText()).put("renewing", false).put("lastIcv", 41)
                .put("lastInvoiceHash", Base64.getEncoder().encodeToString("not a document".getBytes(StandardCharsets.UTF_8)));
        jdbc.update("""
                insert into snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                    payload, payload_revision, payload_type, time_stamp)
                select aggregate_identifier, max(sequence_number), 'EgsUnit', ?, ?, ?, null, ?, ?
                from domain_event_entry where aggregate_identifier = ? group by aggregate_identifier""",
                UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8), stale.toString().getBytes(StandardCharsets.UTF_8),
                "sa.qayd.command.egs.EgsUnit", Instant.now().toString(), unit.toString());

        UUID second = issue(tenant.apiKey(), unit, "simplified");

        JsonNode issued = storedPayload(second, "InvoiceIssuedEvent");
        assertThat(issued.path("icv").asLong()).isEqualTo(2);
        assertThat(issued.path("previousInvoiceHash").asText()).isEqualTo(firstHash);
    }

    private JsonNode unitEvent(UUID unit, String type) {
        return new EventLog(jdbc).events(type, "egsUnitId", unit).get(0);
    }

    private JsonNode poisonLetter(UUID aggregate) {
        Api.Reply letters = admin("GET", "/admin/processors/invoices/dead-letters");
        assertThat(letters.status()).as(letters.body().toString()).isEqualTo(200);
        for (JsonNode sequence : letters.body().path("data")) {
            for (JsonNode letter : sequence.path("letters")) {
                if (letter.path("aggregate_id").asText().equals(aggregate.toString())) {
                    return letter;
                }
            }
        }
        return null;
    }

    /** Writes an event row as an older version of the service (or a bug) would have stored it. */
    private void store(UUID aggregate, String type, String payloadType, String revision, String payload) {
        jdbc.update("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                values (nextval('domain_event_entry_seq'), ?, 0, ?, ?, ?, ?, ?, ?, ?)""",
                aggregate.toString(), type, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), revision, payloadType, Instant.now().toString());
    }

    /** Every rebuildable processor is caught up and live, and ZATCA has answered for every document. */
    private void awaitSettled() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Map<String, JsonNode> processors = new HashMap<>();
            admin("GET", "/admin/processors").body().path("data").forEach(p -> processors.put(p.path("name").asText(), p));
            for (String name : PROJECTIONS.keySet()) {
                assertThat(processors.get(name).path("lag").isNumber()).as(name + " has a position").isTrue();
                assertThat(processors.get(name).path("lag").asLong()).as(name + " lag").isZero();
                assertThat(processors.get(name).path("replaying").asBoolean()).as(name + " replaying").isFalse();
            }
            assertThat(jdbc.queryForObject("select count(*) from invoice_view where status like 'PENDING%'", Long.class)).isZero();
        });
    }

    private Map<String, Map<String, String>> dump() {
        return PROJECTIONS.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, projection -> {
            Map<String, String> rows = new TreeMap<>();
            jdbc.query(projection.getValue(), rs -> {
                rows.put(rs.getString(1), rs.getString(2));
            });
            return rows;
        }));
    }
}
