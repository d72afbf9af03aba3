package sa.qayd.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import sa.qayd.app.Api;
import sa.qayd.api.apikey.ApiKeySecrets;
import sa.qayd.app.Tenants.Tenant;
import sa.qayd.query.audit.HistoryBreak;
import sa.qayd.query.audit.HistoryVerifier;
import sa.qayd.query.document.InvoicePdf;

/** The auditors' export: only the account's own events, resumable, verifiable offline, and enough to rebuild every document. */
class AuditTest extends QueryContext {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Line(String text, JsonNode event) {
        long position() {
            return event.path("position").asLong();
        }

        String type() {
            return event.path("type").asText();
        }
    }

    @Test
    void theStreamHoldsOnlyTheAccountsEventsInOrderAndResumesFromAPosition() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = activeUnit(tenant.apiKey(), "both");
        UUID invoice = issue(tenant.apiKey(), unit, "simplified");
        Tenant stranger = tenants.onboard("sandbox");
        UUID strangerUnit = activeUnit(stranger.apiKey(), "both");
        UUID strangerInvoice = issue(stranger.apiKey(), strangerUnit, "simplified");
        awaitInvoice(tenant.apiKey(), invoice, "reported");
        awaitInvoice(stranger.apiKey(), strangerInvoice, "reported");

        List<Line> lines = awaitExport(tenant.apiKey(), "", 1, 0);
        assertThat(lines).extracting(Line::position).isSorted().doesNotHaveDuplicates();
        assertThat(lines).extracting(Line::type).contains("account.registered", "api_key.issued",
                "egs_unit.registered", "egs_unit.compliance_csid_issued", "egs_unit.onboarded", "egs_unit.invoice_sequenced",
                "invoice.issued", "invoice.reported");
        List<String> ours = List.of(tenant.accountId().toString(), tenant.apiKeyId().toString(), unit.toString(), invoice.toString());
        assertThat(lines).allSatisfy(line -> assertThat(ours).contains(line.event().path("aggregate_id").asText()));
        String export = String.join("\n", lines.stream().map(Line::text).toList());
        assertThat(export).doesNotContain(stranger.accountId().toString()).doesNotContain(strangerUnit.toString())
                .doesNotContain(strangerInvoice.toString());
        JsonNode account = lines.stream().filter(line -> line.type().equals("account.registered")).findFirst()
                .orElseThrow().event();
        assertThat(account.path("data").path("email").asText()).isEqualTo(tenant.email());
        assertThat(account.path("schema_version").asInt()).isEqualTo(2);
        assertThat(lines).allSatisfy(line -> assertThat(line.event().fieldNames()).toIterable().containsExactly(
                "position", "type", "schema_version", "aggregate_id", "sequence", "occurred_at", "actor", "request_id", "data"));

        long resumeAfter = lines.get(2).position();
        List<Line> rest = export(tenant.apiKey(), "?after=" + resumeAfter);
        assertThat(rest).extracting(Line::text).containsExactlyElementsOf(lines.subList(3, lines.size()).stream().map(Line::text).toList());
        assertProblem(api.get("/v1/audit/events?after=-1", tenant.apiKey()), 422, "VALIDATION_FAILED");

        Api browser = new Api(port);
        browser.post("/v1/session", null, Api.json("email", tenant.email(), "password", tenant.password()));
        String production = browser.send("POST", "/v1/api-keys", null, Api.json("name", "live", "environment", "production"),
                Map.of("X-XSRF-TOKEN", browser.csrfToken())).text("key");
        List<Line> productionView = awaitExport(production, "", 0, 0);
        assertThat(productionView).extracting(line -> line.event().path("aggregate_id").asText())
                .as("a production key sees the account, not the sandbox unit and invoice")
                .contains(tenant.accountId().toString()).doesNotContain(unit.toString(), invoice.toString());
    }

    @Test
    void theVerifierPassesAnIntactHistoryAndNamesTheOneCorruptedByte() throws IOException {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = activeUnit(tenant.apiKey(), "both");
        List<UUID> invoices = List.of(issue(tenant.apiKey(), unit, "simplified"), issue(tenant.apiKey(), unit, "standard"),
                issue(tenant.apiKey(), unit, "simplified"));
        awaitInvoice(tenant.apiKey(), invoices.get(0), "reported");
        awaitInvoice(tenant.apiKey(), invoices.get(1), "cleared");
        awaitInvoice(tenant.apiKey(), invoices.get(2), "reported");
        List<Line> lines = awaitExport(tenant.apiKey(), "", 2, 1);

        HistoryVerifier.Report intact = HistoryVerifier.verify(new StringReader(join(lines)));
        assertThat(intact.breaks()).isEmpty();
        assertThat(intact.documents()).isEqualTo(3);
        assertThat(intact.units()).isEqualTo(1);

        Line second = lines.stream().filter(line -> line.type().equals("invoice.issued")).skip(1).findFirst().orElseThrow();
        ObjectNode tampered = second.event().deepCopy();
        byte[] xml = Base64.getDecoder().decode(tampered.path("data").path("signed_xml").asText());
        int at = new String(xml, StandardCharsets.UTF_8).indexOf("<cbc:IssueDate>") + "<cbc:IssueDate>".length() + 3;
        xml[at] = (byte) (xml[at] == '9' ? '8' : xml[at] + 1);
        ((ObjectNode) tampered.path("data")).put("signed_xml", Base64.getEncoder().encodeToString(xml));
        String corrupted = join(lines).replace(second.text(), JSON.writeValueAsString(tampered));

        List<HistoryBreak> breaks = HistoryVerifier.verify(new StringReader(corrupted)).breaks();
        assertThat(breaks).isNotEmpty().allSatisfy(found -> {
            assertThat(found.where()).isEqualTo("position " + second.position());
            assertThat(found.subject()).contains(invoices.get(1).toString()).contains("ICV 2");
        });
        assertThat(breaks).anySatisfy(found -> assertThat(found.problem()).contains("hashes to"));
    }

    @Test
    void everyDocumentIsRebuiltByteForByteFromTheExportedEvents() {
        Tenant tenant = tenants.onboard("sandbox");
        Settled settled = simplifiedAndStandard(tenant);
        UUID simplified = settled.simplified();
        UUID standard = settled.standard();
        List<Line> lines = awaitExport(tenant.apiKey(), "", 1, 1);

        byte[] signed = documentIn(lines, "invoice.issued", simplified, "signed_xml");
        byte[] cleared = documentIn(lines, "invoice.cleared", standard, "cleared_xml");
        assertThat(download("/v1/invoices/" + simplified + "/xml", tenant.apiKey()).body()).isEqualTo(signed);
        assertThat(download("/v1/invoices/" + standard + "/xml", tenant.apiKey()).body()).isEqualTo(cleared);
        assertThat(download("/v1/invoices/" + simplified + "/pdf", tenant.apiKey()).body()).isEqualTo(InvoicePdf.render(signed));
        assertThat(download("/v1/invoices/" + standard + "/pdf", tenant.apiKey()).body()).isEqualTo(InvoicePdf.render(cleared));
    }

    @Test
    void noLineCarriesASecretAndEveryLineNamesWhoActed() {
        Tenant tenant = tenants.onboard("sandbox");
        reportedInvoice(tenant);
        List<Line> lines = awaitExport(tenant.apiKey(), "", 1, 0);

        String passwordHash = jdbc.queryForObject("select password_hash from account_login where account_id = ?",
                String.class, tenant.accountId());
        String export = join(lines);
        assertThat(export).doesNotContain(passwordHash).doesNotContain(ApiKeySecrets.hash(tenant.apiKey()))
                .doesNotContain(tenant.apiKey()).doesNotContain("123345").doesNotContain("\"otp\"")
                .doesNotContain("password").doesNotContain("secret_hash").doesNotContain("sealed");
        JsonNode issued = only(lines, "invoice.issued");
        assertThat(issued.path("actor").path("type").asText()).isEqualTo("api_key");
        assertThat(issued.path("actor").path("id").asText()).isEqualTo(tenant.apiKeyId().toString());
        assertThat(issued.path("actor").path("environment").asText()).isEqualTo("sandbox");
        assertThat(issued.path("request_id").asText()).isNotBlank();
        assertThat(issued.path("data").path("api_key_id").asText()).isEqualTo(tenant.apiKeyId().toString());
        assertThat(issued.path("schema_version").asInt()).isEqualTo(2);
        JsonNode reported = only(lines, "invoice.reported");
        assertThat(reported.path("actor").path("type").asText()).isEqualTo("system");
        assertThat(reported.path("actor").path("id").asText()).isEqualTo("zatca-worker");
        assertThat(reported.path("request_id").isNull()).isTrue();
        assertThat(only(lines, "account.registered").path("actor").path("type").asText()).isEqualTo("anonymous");
    }

    @Test
    void anEventStoredAtRevisionOneIsExportedAtTheCurrentSchemaVersion() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID oldKey = UUID.randomUUID();
        jdbc.update("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                values (nextval('domain_event_entry_seq'), ?, 0, 'ApiKey', ?, ?, ?, null, ?, ?)""",
                oldKey.toString(), UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                ("{\"apiKeyId\":\"" + oldKey + "\",\"accountId\":\"" + tenant.accountId() + "\",\"environment\":\"SANDBOX\","
                        + "\"name\":\"old\",\"secretHash\":\"" + "f".repeat(64) + "\",\"maskedSecret\":\"qk_sandbox_…abcd\","
                        + "\"issuedAt\":\"2025-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8),
                "sa.qayd.api.apikey.ApiKeyIssuedEvent", "2025-01-01T00:00:00Z");

        JsonNode old = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> export(tenant.apiKey(), "").stream()
                .map(Line::event).filter(event -> event.path("aggregate_id").asText().equals(oldKey.toString()))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(old.path("type").asText()).isEqualTo("api_key.issued");
        assertThat(old.path("schema_version").asInt()).isEqualTo(2);
        assertThat(old.path("data").path("name").asText()).isEqualTo("old");
        assertThat(old.path("data").has("secret_hash")).isFalse();
        assertThat(old.toString()).doesNotContain("f".repeat(64));
        assertThat(old.path("actor").isNull()).as("the first releases did not record who acted").isTrue();
    }

    @Test
    void forgettingTheAccountsPersonalDataLeavesTheHistoryVerifiable() throws IOException {
        Tenant tenant = tenants.onboard("sandbox");
        Settled settled = simplifiedAndStandard(tenant);
        UUID simplified = settled.simplified();
        UUID standard = settled.standard();
        assertThat(only(awaitExport(tenant.apiKey(), "", 1, 1), "account.registered").path("data").path("email").asText())
                .isEqualTo(tenant.email());

        assertProblem(api.send("DELETE", "/v1/account/personal-data", tenant.apiKey(), null, Map.of()), 403, "FORBIDDEN");
        Api browser = new Api(port);
        browser.post("/v1/session", null, Api.json("email", tenant.email(), "password", tenant.password()));
        Api.Reply forgotten = browser.send("DELETE", "/v1/account/personal-data", null, null,
                Map.of("X-XSRF-TOKEN", browser.csrfToken()));
        assertThat(forgotten.status()).isEqualTo(204);

        List<Line> lines = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> awaitExport(tenant.apiKey(), "", 1, 1),
                export -> export.stream().anyMatch(line -> line.type().equals("account.personal_data_forgotten")));
        assertThat(only(lines, "account.registered").path("data").path("email").isNull()).isTrue();
        assertThat(join(lines)).doesNotContain(tenant.email());
        HistoryVerifier.Report report = HistoryVerifier.verify(new StringReader(join(lines)));
        assertThat(report.breaks()).isEmpty();
        assertThat(report.documents()).isEqualTo(2);
        assertProblem(new Api(port).post("/v1/session", null, Api.json("email", tenant.email(), "password", tenant.password())),
                401, "INVALID_CREDENTIALS");
        assertThat(api.get("/v1/invoices/" + standard, tenant.apiKey()).status()).as("the company's keys keep working")
                .isEqualTo(200);
    }

    private record Settled(UUID simplified, UUID standard) {
    }

    /** A simplified invoice ZATCA has reported and a standard one it has cleared, on a new unit of the tenant. */
    private Settled simplifiedAndStandard(Tenant tenant) {
        UUID unit = activeUnit(tenant.apiKey(), "both");
        Settled settled = new Settled(issue(tenant.apiKey(), unit, "simplified"), issue(tenant.apiKey(), unit, "standard"));
        awaitInvoice(tenant.apiKey(), settled.simplified(), "reported");
        awaitInvoice(tenant.apiKey(), settled.standard(), "cleared");
        return settled;
    }

    private static JsonNode only(List<Line> lines, String type) {
        return lines.stream().filter(line -> line.type().equals(type)).map(Line::event).reduce((a, b) -> {
            throw new AssertionError("more than one " + type);
        }).orElseThrow(() -> new AssertionError("no " + type));
    }

    private static byte[] documentIn(List<Line> lines, String type, UUID invoice, String field) {
        JsonNode payload = lines.stream().filter(line -> line.type().equals(type))
                .map(line -> line.event().path("data"))
                .filter(event -> event.path("invoice_id").asText().equals(invoice.toString())).findFirst().orElseThrow();
        return Base64.getDecoder().decode(payload.path(field).asText());
    }

    /** The export once the audit index has caught up with the given numbers of reported and cleared documents. */
    private List<Line> awaitExport(String apiKey, String query, int reported, int cleared) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> export(apiKey, query), lines ->
                lines.stream().filter(line -> line.type().equals("invoice.reported")).count() == reported
                        && lines.stream().filter(line -> line.type().equals("invoice.cleared")).count() == cleared
                        && lines.stream().anyMatch(line -> line.type().equals("account.registered")));
    }

    private List<Line> export(String apiKey, String query) {
        HttpResponse<byte[]> response = download("/v1/audit/events" + query, apiKey);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/x-ndjson"));
        return new String(response.body(), StandardCharsets.UTF_8).lines().map(text -> {
            try {
                return new Line(text, JSON.readTree(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private static String join(List<Line> lines) {
        return String.join("\n", lines.stream().map(Line::text).toList()) + "\n";
    }
}
