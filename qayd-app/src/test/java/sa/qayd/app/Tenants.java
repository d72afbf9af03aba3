package sa.qayd.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;

/** Builds tenants, units and request bodies through the public API, as an integrator would. */
public final class Tenants {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Api api;

    public Tenants(Api api) {
        this.api = api;
    }

    public record Tenant(UUID accountId, String email, String password, String apiKey, UUID apiKeyId) {
    }

    public Tenant onboard(String environment) {
        String email = "owner" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID() + "@example.sa";
        String password = "correct horse battery";
        Api.Reply reply = api.post("/v1/onboard", null, Api.json("company_name", "Acme Trading", "email", email,
                "password", password, "vat_number", "399999999900003", "environment", environment));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return new Tenant(UUID.fromString(reply.text("account_id")), email, password,
                reply.body().path("api_key").path("key").asText(), UUID.fromString(reply.body().path("api_key").path("id").asText()));
    }

    public static ObjectNode unitBody(String name, String invoiceTypes) {
        ObjectNode address = Api.json("street", "King Fahd Road", "building_number", "1234", "district", "Al Olaya",
                "city", "Riyadh", "postal_code", "12345", "country", "SA");
        ObjectNode body = Api.json("name", name, "otp", "123345", "serial_number", "ed22f1d8-e6a2-1118-9b58-d9a8f11e445f",
                "model", "POS-7", "branch", "Riyadh HQ", "invoice_types", invoiceTypes, "location", "RRRD2929",
                "industry", "Retail", "commercial_registration_number", "1010010000");
        body.set("address", address);
        return body;
    }

    public UUID createUnit(String apiKey, String invoiceTypes) {
        Api.Reply reply = api.post("/v1/egs", apiKey, unitBody("Till " + SEQUENCE.incrementAndGet(), invoiceTypes));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
        assertThat(reply.text("onboarding_status")).isEqualTo("pending");
        return UUID.fromString(reply.text("id"));
    }

    /** A unit onboarded through the gateway of the key's environment (the local simulator, OTP 123345). */
    public UUID activeUnit(String apiKey, String invoiceTypes) {
        UUID unit = createUnit(apiKey, invoiceTypes);
        awaitUnitStatus(apiKey, unit, "active");
        return unit;
    }

    public void awaitUnitStatus(String apiKey, UUID unitId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.Reply reply = api.get("/v1/egs/" + unitId, apiKey);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.text("onboarding_status")).isEqualTo(status);
        });
    }

    public static ObjectNode simplifiedInvoice() {
        ObjectNode body = Api.json("payment_means", "10");
        ArrayNode lines = body.putArray("lines");
        lines.add(Api.json("name", "Arabic coffee 250 g", "quantity", 2, "unit_price", "35.50", "vat_category", "S", "vat_rate", 15));
        lines.add(Api.json("name", "Dates, Sukkari", "quantity", "1.5", "unit_price", 40, "vat_category", "S", "vat_rate", "15"));
        return body;
    }

    public static ObjectNode standardInvoice() {
        ObjectNode body = simplifiedInvoice();
        ObjectNode buyer = Api.json("name", "Buyer Co", "vat_number", "399999999800003");
        buyer.set("address", Api.json("street", "Prince Sultan St", "building_number", "2322", "district", "Al Murabba",
                "city", "Riyadh", "postal_code", "23333", "country", "SA"));
        body.set("buyer", buyer);
        return body;
    }
}
