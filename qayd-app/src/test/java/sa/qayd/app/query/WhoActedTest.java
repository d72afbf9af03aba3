package sa.qayd.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import sa.qayd.app.Api;
import sa.qayd.app.Tenants;
import sa.qayd.app.Tenants.Tenant;

/** Every stored event names who made it happen and the HTTP request it came from, in its metadata. */
class WhoActedTest extends QueryContext {

    /** The metadata stored with the aggregate's one event of that type. */
    private JsonNode metaData(Object aggregateId, String eventType) throws Exception {
        return axonJson.readTree(jdbc.queryForObject("""
                select convert_from(meta_data, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type like ?""", String.class, aggregateId.toString(),
                "%." + eventType));
    }

    @Test
    void eventsNameTheKeyTheDashboardUserTheSignUpOrTheWorkerAndTheRequest() throws Exception {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = activeUnit(tenant.apiKey(), "both");
        Api.Reply issued = api.send("POST", "/v1/invoices/simplified", tenant.apiKey(),
                Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()), Map.of("X-Request-Id", "order-4711"));
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(201);
        assertThat(issued.raw().headers().firstValue("X-Request-Id")).hasValue("order-4711");
        UUID invoice = UUID.fromString(issued.text("id"));
        awaitInvoice(tenant.apiKey(), invoice, "reported");

        JsonNode byKey = metaData(invoice, "InvoiceIssuedEvent");
        assertThat(byKey.path("actorType").asText()).isEqualTo("API_KEY");
        assertThat(byKey.path("actorId").asText()).isEqualTo(tenant.apiKeyId().toString());
        assertThat(byKey.path("actorEnvironment").asText()).isEqualTo("SANDBOX");
        assertThat(byKey.path("requestId").asText()).isEqualTo("order-4711");
        assertThat(storedPayload(invoice, "InvoiceIssuedEvent").path("apiKeyId").asText())
                .isEqualTo(tenant.apiKeyId().toString());

        JsonNode byWorker = metaData(invoice, "InvoiceReportedEvent");
        assertThat(byWorker.path("actorType").asText()).isEqualTo("SYSTEM");
        assertThat(byWorker.path("actorId").asText()).isEqualTo("zatca-worker");
        assertThat(byWorker.has("requestId")).as("the worker acts on no request").isFalse();
        assertThat(metaData(unit, "EgsUnitOnboardedEvent").path("actorId").asText()).isEqualTo("zatca-worker");

        JsonNode signUp = metaData(tenant.accountId(), "AccountRegisteredEvent");
        assertThat(signUp.path("actorType").asText()).isEqualTo("ANONYMOUS");
        assertThat(signUp.path("requestId").asText()).isNotBlank();

        Api browser = new Api(port);
        browser.post("/v1/session", null, Api.json("email", tenant.email(), "password", tenant.password()));
        Api.Reply revoked = browser.send("DELETE", "/v1/api-keys/" + tenant.apiKeyId(), null, null,
                Map.of("X-XSRF-TOKEN", browser.csrfToken(), "X-Request-Id", "this is not a plain token"));
        assertThat(revoked.status()).as(revoked.body() == null ? "" : revoked.body().toString()).isLessThan(300);
        String generated = revoked.raw().headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).isNotEqualTo("this is not a plain token");

        JsonNode byUser = metaData(tenant.apiKeyId(), "ApiKeyRevokedEvent");
        assertThat(byUser.path("actorType").asText()).isEqualTo("DASHBOARD");
        assertThat(byUser.path("actorId").asText()).isEqualTo(tenant.accountId().toString());
        assertThat(byUser.path("requestId").asText()).isEqualTo(generated);
        JsonNode revokedBy = axonJson.readTree(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%.ApiKeyRevokedEvent'""", String.class,
                tenant.apiKeyId().toString())).path("revokedBy");
        assertThat(revokedBy.path("type").asText()).isEqualTo("DASHBOARD");
        assertThat(revokedBy.path("id").asText()).isEqualTo(tenant.accountId().toString());
    }
}
