package sa.qayd.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sa.qayd.app.Api;
import sa.qayd.app.Tenants;
import sa.qayd.app.Tenants.Tenant;

/** GET /v1/invoices, its documents and GET /v1/egs's onboarding outcome, with tenant and environment isolation. */
class InvoiceReadsTest extends QueryContext {
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void anIssuedInvoiceReadsBackWithItsChainTotalsOutcomeAndLinks() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = activeUnit(tenant.apiKey(), "both");
        Api.Reply issued = api.post("/v1/invoices/simplified", tenant.apiKey(),
                Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));
        UUID id = UUID.fromString(issued.text("id"));

        Api.Reply read = awaitInvoice(tenant.apiKey(), id, "reported");
        JsonNode invoice = read.body();
        for (String field : List.of("egs_unit_id", "kind", "document_type", "invoice_number", "uuid", "invoice_hash",
                "qr_code", "pdf_url", "signed_xml_url", "amounts")) {
            assertThat(invoice.path(field)).as(field).isEqualTo(issued.body().path(field));
        }
        assertThat(invoice.path("icv").asLong()).isEqualTo(1);
        assertThat(invoice.path("previous_invoice_hash").asText()).isEqualTo(
                "NWZlY2ViNjZmZmM4NmYzOGQ5NTI3ODZjNmQ2OTZjNzljMmRiYzIzOWRkNGU5MWI0NjcyOWQ3M2EyN2ZiNTdlOQ==");
        assertThat(invoice.path("environment").asText()).isEqualTo("sandbox");
        assertThat(invoice.path("amounts").path("payable").decimalValue()).isPositive();
        assertThat(invoice.path("zatca_messages").isArray()).isTrue();
        assertThat(invoice.path("pdf_url").asText()).isEqualTo("/v1/invoices/" + id + "/pdf");

        UUID second = issue(tenant.apiKey(), unit, "simplified");
        JsonNode next = awaitInvoice(tenant.apiKey(), second, "reported").body();
        assertThat(next.path("icv").asLong()).isEqualTo(2);
        assertThat(next.path("previous_invoice_hash").asText()).isEqualTo(invoice.path("invoice_hash").asText());
    }

    @Test
    void aReadRightAfterTheIssueWaitsForTheViewInsteadOfAnsweringNotFound() throws Exception {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = activeUnit(tenant.apiKey(), "both");
        StreamingEventProcessor view = processing.eventProcessor("invoices", StreamingEventProcessor.class).orElseThrow();
        view.shutDown();
        try {
            UUID issued = issue(tenant.apiKey(), unit, "simplified");
            CompletableFuture<Api.Reply> read = CompletableFuture.supplyAsync(() -> api.get("/v1/invoices/" + issued, tenant.apiKey()));
            CompletableFuture<HttpResponse<byte[]>> xml =
                    CompletableFuture.supplyAsync(() -> download("/v1/invoices/" + issued + "/xml", tenant.apiKey()));
            Thread.sleep(500);
            assertThat(read).as("still waiting for the view").isNotDone();
            assertProblem(api.get("/v1/invoices/" + issued, tenants.onboard("sandbox").apiKey()), 404, "INVOICE_NOT_FOUND");
            assertProblem(api.get("/v1/invoices/" + UUID.randomUUID(), tenant.apiKey()), 404, "INVOICE_NOT_FOUND");

            view.start();
            assertThat(read.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(read.get().text("id")).isEqualTo(issued.toString());
            assertThat(xml.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        } finally {
            view.start();
        }
    }

    @Test
    void signedXmlIsTheExactIssuedBytesAndThePdfIsAPdfA3WithThemEmbedded() throws IOException {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = activeUnit(tenant.apiKey(), "both");
        Api.Reply issued = api.post("/v1/invoices/standard", tenant.apiKey(),
                Tenants.standardInvoice().put("egs_unit_id", unit.toString()));
        UUID id = UUID.fromString(issued.text("id"));
        awaitInvoice(tenant.apiKey(), id, "cleared");

        HttpResponse<byte[]> xml = download("/v1/invoices/" + id + "/xml", tenant.apiKey());
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
        assertThat(xml.body()).isEqualTo(Base64.getDecoder().decode(issued.text("signed_xml")));

        HttpResponse<byte[]> pdf = download("/v1/invoices/" + id + "/pdf", tenant.apiKey());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getDocumentCatalog().getMetadata()).as("XMP with the PDF/A identification").isNotNull();
            PDComplexFileSpecification attachment = document.getDocumentCatalog().getNames().getEmbeddedFiles()
                    .getNames().values().iterator().next();
            assertThat(attachment.getEmbeddedFile().toByteArray()).as("the embedded XML").isEqualTo(xml.body());
        }
        assertThat(download("/v1/invoices/" + id + "/pdf", tenant.apiKey()).body()).as("rendering is deterministic")
                .isEqualTo(pdf.body());
    }

    @Test
    void theListingFiltersAndPagesWithACursorWithoutSkippingOrRepeating() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unitA = activeUnit(tenant.apiKey(), "both");
        UUID unitB = activeUnit(tenant.apiKey(), "both");
        List<UUID> issued = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            issued.add(issue(tenant.apiKey(), unitA, "simplified"));
        }
        UUID standard = issue(tenant.apiKey(), unitB, "standard");
        issued.add(standard);
        issued.forEach(id -> awaitInvoice(tenant.apiKey(), id, id.equals(standard) ? "cleared" : "reported"));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Reply page = api.get("/v1/invoices?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), tenant.apiKey());
            assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
            assertThat(page.body().path("data").size()).isBetween(1, 2);
            page.body().path("data").forEach(row -> seen.add(row.path("id").asText()));
            cursor = page.body().path("next_cursor").isNull() ? null : page.text("next_cursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        List<String> newestFirst = new ArrayList<>(issued.stream().map(UUID::toString).toList());
        Collections.reverse(newestFirst);
        assertThat(seen).as("newest first, each once").containsExactlyElementsOf(newestFirst);

        assertThat(ids("egs_unit_id=" + unitB, tenant)).containsExactly(standard.toString());
        assertThat(ids("kind=standard", tenant)).containsExactly(standard.toString());
        assertThat(ids("status=reported&egs_unit_id=" + unitA, tenant)).hasSize(4);
        assertThat(ids("document_type=credit_note", tenant)).isEmpty();
        String today = LocalDate.now(ZoneId.of("Asia/Riyadh")).toString();
        assertThat(ids("from=" + today + "&to=" + today, tenant)).hasSize(5);
        assertThat(ids("to=" + LocalDate.now(ZoneId.of("Asia/Riyadh")).minusDays(2), tenant)).isEmpty();

        Api.Reply bad = api.get("/v1/invoices?status=lost&kind=x&from=yesterday&limit=1000&cursor=zz", tenant.apiKey());
        assertProblem(bad, 422, "VALIDATION_FAILED");
        assertThat(bad.body().path("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("status", "kind", "from", "limit", "cursor");
    }

    @Test
    void anotherTenantSeesNothingAndAKeyOfTheOtherEnvironmentIsRefused() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = activeUnit(tenant.apiKey(), "both");
        UUID id = issue(tenant.apiKey(), unit, "simplified");
        awaitInvoice(tenant.apiKey(), id, "reported");

        Tenant stranger = tenants.onboard("sandbox");
        for (String path : List.of("", "/xml", "/pdf")) {
            assertProblem(api.get("/v1/invoices/" + id + path, stranger.apiKey()), 404, "INVOICE_NOT_FOUND");
        }
        assertThat(api.get("/v1/invoices", stranger.apiKey()).body().path("data")).isEmpty();
        assertThat(ids("egs_unit_id=" + unit, stranger)).isEmpty();

        Api browser = new Api(port);
        browser.post("/v1/session", null, Api.json("email", tenant.email(), "password", tenant.password()));
        Api.Reply productionKey = browser.send("POST", "/v1/api-keys", null,
                Api.json("name", "live", "environment", "production"), Map.of("X-XSRF-TOKEN", browser.csrfToken()));
        String production = productionKey.text("key");
        for (String path : List.of("", "/xml", "/pdf")) {
            assertProblem(api.get("/v1/invoices/" + id + path, production), 403, "ENVIRONMENT_MISMATCH");
        }
        assertThat(api.get("/v1/invoices", production).body().path("data")).isEmpty();
        assertProblem(api.get("/v1/invoices?environment=sandbox", production), 403, "ENVIRONMENT_MISMATCH");

        assertThat(browser.get("/v1/invoices/" + id, null).status()).isEqualTo(200);
        assertThat(browser.get("/v1/invoices", null).body().path("data")).hasSize(1);
        assertThat(browser.get("/v1/invoices?environment=production", null).body().path("data")).isEmpty();
        assertThat(browser.get("/v1/invoices?environment=sandbox", null).body().path("data")).hasSize(1);
    }

    @Test
    void aUnitShowsZatcasRefusalOrItsCertificate() {
        Tenant tenant = tenants.onboard("sandbox");
        Api.Reply refused = api.post("/v1/egs", tenant.apiKey(), Tenants.unitBody("Wrong OTP", "both").put("otp", "999999"));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(202);
        UUID failed = UUID.fromString(refused.text("id"));
        tenants.awaitUnitStatus(tenant.apiKey(), failed, "failed");
        JsonNode failure = api.get("/v1/egs/" + failed, tenant.apiKey()).body();
        assertThat(failure.path("onboarding_failure").path("step").asText()).isNotBlank();
        assertThat(failure.path("onboarding_failure").path("reason").asText()).isNotBlank();
        assertThat(failure.path("onboarding_failure").path("messages").isArray()).isTrue();
        assertThat(failure.path("certificate_serial").isNull()).isTrue();

        UUID active = activeUnit(tenant.apiKey(), "both");
        JsonNode unit = api.get("/v1/egs/" + active, tenant.apiKey()).body();
        assertThat(unit.path("onboarding_failure").isNull()).isTrue();
        assertThat(unit.path("certificate_serial").asText()).isNotBlank();
        assertThat(unit.path("certificate_expires_at").asText()).isNotBlank();
        // the simulator's certificates last five years: far from the 30-day warning window
        assertThat(unit.path("warnings")).isEmpty();
    }

    private List<String> ids(String query, Tenant tenant) {
        Api.Reply reply = api.get("/v1/invoices?" + query, tenant.apiKey());
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.body().path("data").forEach(row -> ids.add(row.path("id").asText()));
        return ids;
    }
}
