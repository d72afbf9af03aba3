package sa.qayd.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback client of Qayd's public API for load benchmarks: sign-up, units and invoices, as integrators call them. */
final class QaydClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String apiKey;

    QaydClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Waits until the service answers, up to {@code patience}. */
    void awaitUp(Duration patience) throws InterruptedException {
        Instant until = Instant.now().plus(patience);
        while (Instant.now().isBefore(until)) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Qayd did not come up at " + base + " within " + patience);
    }

    /** Signs up a new sandbox account; its API key is used for every later call. */
    void signUp() throws IOException, InterruptedException {
        int n = SEQUENCE.incrementAndGet();
        ObjectNode body = JSON.createObjectNode().put("company_name", "Bench Trading " + n)
                .put("email", "bench-" + UUID.randomUUID() + "@example.com").put("password", "benchmark password " + n)
                .put("vat_number", "399999999900003");
        apiKey = call("POST", "/v1/onboard", body, 201).path("api_key").path("key").asText();
    }

    /** The API key this client calls with (after {@link #signUp()}), to hand to a later run. */
    String apiKey() {
        return apiKey;
    }

    /** Calls with a key an earlier run signed up with. */
    void useApiKey(String key) {
        apiKey = key;
    }

    /** Registers a unit with the simulator's OTP and waits until it is active. */
    UUID activeUnit(Duration patience) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("name", "Bench till " + SEQUENCE.incrementAndGet()).put("otp", "123345")
                .put("serial_number", UUID.randomUUID().toString()).put("model", "BENCH").put("branch", "Riyadh")
                .put("invoice_types", "both").put("location", "RRRD2929").put("industry", "Retail")
                .put("commercial_registration_number", "1010010000");
        body.putObject("address").put("street", "King Fahd Road").put("building_number", "1234")
                .put("district", "Al Olaya").put("city", "Riyadh").put("postal_code", "12345").put("country", "SA");
        UUID unit = UUID.fromString(call("POST", "/v1/egs", body, 202).path("id").asText());
        Instant until = Instant.now().plus(patience);
        while (Instant.now().isBefore(until)) {
            String status = call("GET", "/v1/egs/" + unit, null, 200).path("onboarding_status").asText();
            if (status.equals("active")) {
                return unit;
            }
            if (status.equals("failed")) {
                throw new IllegalStateException("onboarding of the bench unit failed");
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the bench unit did not become active within " + patience);
    }

    /** A two-line simplified invoice on the given unit, or on the key's default unit if null; answers the issued document. */
    JsonNode issueSimplified(UUID unit) throws IOException, InterruptedException {
        return call("POST", "/v1/invoices/simplified", simplifiedInvoice(unit), 201);
    }

    /** The body of a two-line simplified invoice, naming {@code unit} unless it is null (the key's default unit). */
    static ObjectNode simplifiedInvoice(UUID unit) {
        ObjectNode body = JSON.createObjectNode();
        if (unit != null) {
            body.put("egs_unit_id", unit.toString());
        }
        var lines = body.putArray("lines");
        lines.addObject().put("name", "Arabic coffee 250 g").put("quantity", 2).put("unit_price", "35.50")
                .put("vat_category", "S").put("vat_rate", 15);
        lines.addObject().put("name", "Dates, Sukkari").put("quantity", "1.5").put("unit_price", "40")
                .put("vat_category", "S").put("vat_rate", 15);
        return body;
    }

    /** Makes {@code unit} the default unit of the key this client calls with (an e-commerce key). */
    void useAsDefaultUnit(UUID unit) throws IOException, InterruptedException {
        String keyId = call("GET", "/v1/api-keys", null, 200).path("data").get(0).path("id").asText();
        call("PATCH", "/v1/api-keys/" + keyId, JSON.createObjectNode().put("default_egs_unit_id", unit.toString()), 200);
    }

    /** Subscribes {@code url} (a loopback receiver: the service must allow insecure loopback) to every event. */
    void subscribeWebhook(String url) throws IOException, InterruptedException {
        call("POST", "/v1/webhooks", JSON.createObjectNode().put("url", url).put("description", "benchmark"), 201);
    }

    /** {@code GET /admin/processors} with the operators' token. */
    JsonNode processors(String adminToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/admin/processors")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken).GET().build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    /** Every invoice of the account with this status, as the list pages them. */
    List<JsonNode> invoicesWithStatus(String status) throws IOException, InterruptedException {
        List<JsonNode> found = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = call("GET", "/v1/invoices?status=" + status + "&limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), null, 200);
            page.path("data").forEach(found::add);
            cursor = page.path("next_cursor").isMissingNode() || page.path("next_cursor").isNull()
                    ? null : page.path("next_cursor").asText();
        } while (cursor != null);
        return found;
    }

    private JsonNode call(String method, String path, JsonNode body, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body()));
        }
        return JSON.readTree(response.body());
    }
}
