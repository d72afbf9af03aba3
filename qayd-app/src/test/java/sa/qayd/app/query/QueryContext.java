package sa.qayd.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import sa.qayd.app.Api;
import sa.qayd.app.QaydApplication;
import sa.qayd.app.ServiceTest;
import sa.qayd.app.Tenants;

/**
 * The one Spring context of the query-side tests (same properties, so Spring reuses it), with
 * helpers that drive the service over real HTTP like an integrator, an auditor or an operator.
 */
@SpringBootTest(classes = QaydApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qayd.data-dir=", "qayd.admin.token=" + QueryContext.ADMIN_TOKEN})
abstract class QueryContext extends ServiceTest {
    static final String ADMIN_TOKEN = "admin-token-for-tests";

    private final HttpClient http = HttpClient.newHttpClient();
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("defaultAxonObjectMapper")
    ObjectMapper axonJson;

    UUID activeUnit(String apiKey, String invoiceTypes) {
        return tenants.activeUnit(apiKey, invoiceTypes);
    }

    UUID issue(String apiKey, UUID unit, String kind) {
        var body = (kind.equals("standard") ? Tenants.standardInvoice() : Tenants.simplifiedInvoice())
                .put("egs_unit_id", unit.toString());
        Api.Reply reply = api.post("/v1/invoices/" + kind, apiKey, body);
        assertThat(reply.status()).as(reply.body().toString()).isIn(201, 202);
        return UUID.fromString(reply.text("id"));
    }

    /** The invoice as GET /v1/invoices/{id} shows it once the projection and ZATCA reached {@code status}. */
    Api.Reply awaitInvoice(String apiKey, UUID invoice, String status) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/v1/invoices/" + invoice, apiKey),
                reply -> reply.status() == 200 && status.equals(reply.text("status")));
    }

    /** A simplified invoice issued on a new active unit of the tenant and reported to ZATCA. */
    UUID reportedInvoice(Tenants.Tenant tenant) {
        UUID invoice = issue(tenant.apiKey(), activeUnit(tenant.apiKey(), "both"), "simplified");
        awaitInvoice(tenant.apiKey(), invoice, "reported");
        return invoice;
    }

    /** The JSON payload of the invoice's stored event of that type (InvoiceIssuedEvent, ...), as stored. */
    ObjectNode storedPayload(UUID invoice, String eventType) {
        try {
            return (ObjectNode) axonJson.readTree(jdbc.queryForObject("""
                    select convert_from(payload, 'UTF8') from domain_event_entry
                    where aggregate_identifier = ? and payload_type = ?""", String.class, invoice.toString(),
                    "sa.qayd.api.invoice." + eventType));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Api.Reply admin(String method, String path) {
        return api.send(method, path, null, null, Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
    }

    /** For bodies that are not JSON (XML, PDF, NDJSON). */
    HttpResponse<byte[]> download(String path, String apiKey) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + apiKey).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void assertProblem(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo(code);
    }
}
