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
            String type = event.path("event_type").asText();
            return type.substring(type.lastIndexOf('.') + 1);
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
        assertThat(lines).extracting(Line::type).contains("AccountRegisteredEvent", "ApiKeyIssuedEvent",
                "EgsUnitRegisteredEvent", "ComplianceCsidIssuedEvent", "EgsUnitOnboardedEvent", "InvoiceSequencedEvent",
                "InvoiceIssuedEvent", "InvoiceReportedEvent");
        List<String> ours = List.of(tenant.accountId().toString(), tenant.apiKeyId().toString(), unit.toString(), invoice.toString());
        assertThat(lines).allSatisfy(line -> assertThat(ours).contains(line.event().path("aggregate_id").asText()));
        String export = String.join("\n", lines.stream().map(Line::text).toList());
        assertThat(export).doesNotContain(stranger.accountId().toString()).doesNotContain(strangerUnit.toString())
                .doesNotContain(strangerInvoice.toString());
        JsonNode account = lines.stream().filter(line -> line.type().equals("AccountRegisteredEvent")).findFirst()
                .orElseThrow().event();
        assertThat(account.path("payload").path("passwordHash").asText()).isEqualTo("[redacted]");
        assertThat(lines).allSatisfy(line -> assertThat(line.event().fieldNames()).toIterable().containsExactly(
                "position", "aggregate_id", "aggregate_type", "sequence", "event_type", "revision", "timestamp", "payload"));

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

        Line second = lines.stream().filter(line -> line.type().equals("InvoiceIssuedEvent")).skip(1).findFirst().orElseThrow();
        ObjectNode tampered = second.event().deepCopy();
        byte[] xml = Base64.getDecoder().decode(tampered.path("payload").path("signedXml").asText());
        int at = new String(xml, StandardCharsets.UTF_8).indexOf("<cbc:IssueDate>") + "<cbc:IssueDate>".length() + 3;
        xml[at] = (byte) (xml[at] == '9' ? '8' : xml[at] + 1);
        ((ObjectNode) tampered.path("payload")).put("signedXml", Base64.getEncoder().encodeToString(xml));
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
        UUID unit = activeUnit(tenant.apiKey(), "both");
        UUID simplified = issue(tenant.apiKey(), unit, "simplified");
        UUID standard = issue(tenant.apiKey(), unit, "standard");
        awaitInvoice(tenant.apiKey(), simplified, "reported");
        awaitInvoice(tenant.apiKey(), standard, "cleared");
        List<Line> lines = awaitExport(tenant.apiKey(), "", 1, 1);

        byte[] signed = documentIn(lines, "InvoiceIssuedEvent", simplified, "signedXml");
        byte[] cleared = documentIn(lines, "InvoiceClearedEvent", standard, "clearedXml");
        assertThat(download("/v1/invoices/" + simplified + "/xml", tenant.apiKey()).body()).isEqualTo(signed);
        assertThat(download("/v1/invoices/" + standard + "/xml", tenant.apiKey()).body()).isEqualTo(cleared);
        assertThat(download("/v1/invoices/" + simplified + "/pdf", tenant.apiKey()).body()).isEqualTo(InvoicePdf.render(signed));
        assertThat(download("/v1/invoices/" + standard + "/pdf", tenant.apiKey()).body()).isEqualTo(InvoicePdf.render(cleared));
    }

    private static byte[] documentIn(List<Line> lines, String type, UUID invoice, String field) {
        JsonNode payload = lines.stream().filter(line -> line.type().equals(type))
                .map(line -> line.event().path("payload"))
                .filter(event -> event.path("invoiceId").asText().equals(invoice.toString())).findFirst().orElseThrow();
        return Base64.getDecoder().decode(payload.path(field).asText());
    }

    /** The export once the audit index has caught up with the given numbers of reported and cleared documents. */
    private List<Line> awaitExport(String apiKey, String query, int reported, int cleared) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> export(apiKey, query), lines ->
                lines.stream().filter(line -> line.type().equals("InvoiceReportedEvent")).count() == reported
                        && lines.stream().filter(line -> line.type().equals("InvoiceClearedEvent")).count() == cleared
                        && lines.stream().anyMatch(line -> line.type().equals("AccountRegisteredEvent")));
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
