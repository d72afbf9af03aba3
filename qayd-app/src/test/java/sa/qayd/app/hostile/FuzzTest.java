package sa.qayd.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import sa.qayd.app.Api;
import sa.qayd.app.QaydApplication;
import sa.qayd.app.ServiceTest;
import sa.qayd.app.Tenants;
import sa.qayd.app.Tenants.Tenant;

/**
 * Hostile requests to every public endpoint: malformed JSON, wrong types, control characters, lone
 * surrogates, huge strings and bodies, odd content types, path tricks. Whatever comes, the answer
 * is never a server error, a refusal is problem+json with a {@code code}, and a refused request
 * stores nothing. Seeded and reproducible: the seed is printed, and {@code -Dqayd.fuzz.seed=<seed>}
 * (and {@code -Dqayd.fuzz.requests=<n>}) replays a run.
 */
@SpringBootTest(classes = QaydApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "qayd.data-dir=")
class FuzzTest extends ServiceTest {
    private static final List<String> CONTENT_TYPES = List.of("*/*", "text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=bogus", "application/json; charset=UTF-16",
            "application/problem+json", "", "application/json;;;", "json");
    private static final List<String> PATH_TRICKS = List.of("..", "%2e%2e", "a%2Fb", "a%00b", "x;y=z", "%C0%AE", "null",
            "00000000-0000-0000-0000-000000000000", "%20", "\u00e9", "x".repeat(5000), "%ZZ", "1e9999", "-1");
    private static final List<String> SCALARS = List.of("1", "-1", "1e99999", "0.0000000001", "true", "false", "null", "[]", "{}",
            "\"\"", "[1,2,3]", "{\"a\":{\"b\":[]}}", "9223372036854775808", "-0", "\"\\u0000\"");

    @Autowired
    JdbcTemplate jdbc;

    private record Endpoint(String method, String path, String auth, JsonNode body) {
    }

    @Test
    void noHostileRequestGetsAServerErrorOrStoresAnything() {
        long seed = Long.getLong("qayd.fuzz.seed", System.nanoTime());
        int requests = Integer.getInteger("qayd.fuzz.requests", 500);
        System.out.println("FuzzTest seed " + seed + " (replay with -Dqayd.fuzz.seed=" + seed + "), " + requests + " requests");
        Random random = new Random(seed);

        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");
        Api.Reply invoice = api.post("/v1/invoices/simplified", tenant.apiKey(), Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));
        String invoiceId = invoice.text("id");
        String webhookId = api.post("/v1/webhooks", tenant.apiKey(), Api.json("url", "https://8.8.8.8/hook")).text("id");
        List<Endpoint> endpoints = endpoints(tenant, unit, invoiceId, webhookId);
        RawHttp http = new RawHttp(port, "127.0.0.1");
        awaitQuiet();

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < requests && failures.size() < 20; i++) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            String mutation = mutation(random);
            long before = stored();
            RawHttp.Reply reply = send(http, endpoint, mutation, random);
            String what = "#" + i + " " + endpoint.method() + " " + endpoint.path() + " [" + mutation + "] → " + reply.status();
            if (reply.status() >= 500) {
                failures.add(what + " " + reply.body());
            } else if (reply.status() >= 400) {
                String type = reply.header("Content-Type");
                JsonNode problem = parseOrNull(reply.body());
                if (type == null || !type.startsWith("application/problem+json") || problem == null || problem.path("code").asText("").isEmpty()) {
                    failures.add(what + " not problem+json with a code: " + type + " " + abbreviate(reply.body()));
                } else if (stored() != before) {
                    failures.add(what + " " + problem.path("code").asText() + " but stored something");
                }
            } else if (!endpoint.method().equals("GET")) {
                awaitQuiet();
            }
        }
        assertThat(failures).as("seed " + seed).isEmpty();
    }

    private List<Endpoint> endpoints(Tenant tenant, UUID unit, String invoiceId, String webhookId) {
        String key = "Bearer " + tenant.apiKey();
        ObjectNode standard = Tenants.standardInvoice().put("egs_unit_id", unit.toString());
        ObjectNode credit = Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()).put("reason", "returned")
                .put("original_invoice_id", invoiceId);
        return List.of(
                new Endpoint("POST", "/v1/onboard", null, Api.json("company_name", "Acme", "email", "fuzz@example.sa",
                        "password", "correct horse battery", "vat_number", "399999999900003", "environment", "sandbox")),
                new Endpoint("POST", "/v1/session", null, Api.json("email", tenant.email(), "password", "wrong password!")),
                new Endpoint("GET", "/v1/session", key, null),
                new Endpoint("POST", "/v1/api-keys", key, Api.json("name", "fuzz", "environment", "sandbox")),
                new Endpoint("GET", "/v1/api-keys", key, null),
                new Endpoint("PATCH", "/v1/api-keys/" + tenant.apiKeyId(), key, Api.json("default_egs_unit_id", unit.toString())),
                new Endpoint("DELETE", "/v1/api-keys/" + UUID.randomUUID(), key, null),
                new Endpoint("POST", "/v1/egs", key, Tenants.unitBody("Fuzz till", "both")),
                new Endpoint("GET", "/v1/egs", key, null),
                new Endpoint("GET", "/v1/egs/" + unit, key, null),
                new Endpoint("POST", "/v1/egs/" + unit + "/onboarding", key, Api.json("otp", "123345")),
                new Endpoint("POST", "/v1/egs/" + unit + "/renew", key, Api.json("otp", "12")),
                new Endpoint("POST", "/v1/invoices/simplified", key, Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString())),
                new Endpoint("POST", "/v1/invoices/standard", key, standard),
                new Endpoint("POST", "/v1/invoices/credit", key, credit),
                new Endpoint("POST", "/v1/invoices/debit", key, credit),
                new Endpoint("GET", "/v1/invoices?limit=5&status=reported", key, null),
                new Endpoint("GET", "/v1/invoices/" + invoiceId, key, null),
                new Endpoint("GET", "/v1/invoices/" + invoiceId + "/xml", key, null),
                new Endpoint("GET", "/v1/invoices/" + invoiceId + "/pdf", key, null),
                new Endpoint("GET", "/v1/audit/events?after=0", key, null),
                new Endpoint("POST", "/v1/webhooks", key, Api.json("url", "https://8.8.8.8/hook", "description", "ERP")),
                new Endpoint("GET", "/v1/webhooks", key, null),
                new Endpoint("GET", "/v1/webhooks/" + webhookId + "/deliveries", key, null),
                new Endpoint("POST", "/v1/webhooks/" + webhookId + "/deliveries/" + UUID.randomUUID() + "/redeliver", key, null),
                new Endpoint("DELETE", "/v1/webhooks/" + UUID.randomUUID(), key, null));
    }

    private static String mutation(Random random) {
        String[] kinds = {"malformed", "wrong-type", "control", "surrogate", "huge-string", "huge-body", "content-type",
                "path", "unknown-field", "nesting", "no-body", "bad-auth", "query"};
        return kinds[random.nextInt(kinds.length)];
    }

    private RawHttp.Reply send(RawHttp http, Endpoint endpoint, String mutation, Random random) {
        String path = endpoint.path();
        Map<String, String> headers = new LinkedHashMap<>();
        if (endpoint.auth() != null) {
            headers.put("Authorization", endpoint.auth());
        }
        String body = endpoint.body() == null ? null : endpoint.body().toString();
        String contentType = "application/json";
        switch (mutation) {
            case "malformed" -> body = body == null ? "{" : body.substring(0, random.nextInt(Math.max(1, body.length()))) + "\u0001";
            case "wrong-type" -> body = body == null ? null : replaceField(endpoint.body(), random, SCALARS.get(random.nextInt(SCALARS.size())));
            case "control" -> body = body == null ? null : replaceField(endpoint.body(), random,
                    "\"a\\u00" + String.format("%02x", random.nextInt(32)) + "b\"");
            case "surrogate" -> body = body == null ? null : replaceField(endpoint.body(), random,
                    "\"x\\u" + Integer.toHexString(0xd800 + random.nextInt(0x800)) + "y\"");
            case "huge-string" -> body = body == null ? null : replaceField(endpoint.body(), random,
                    "\"" + "ﷺ".repeat(1000 + random.nextInt(60_000)) + "\"");
            case "huge-body" -> body = "{\"padding\":\"" + "x".repeat(1_100_000) + "\"}";
            case "content-type" -> contentType = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
            case "path" -> path = trick(path, random);
            case "unknown-field" -> body = body == null ? null : body.replaceFirst("\\{", "{\"__proto__\":{\"x\":1},");
            case "nesting" -> body = "[".repeat(5000) + "]".repeat(5000);
            case "no-body" -> body = null;
            case "bad-auth" -> headers.put("Authorization", List.of("Bearer ", "Bearer qk_sandbox_" + "A".repeat(40), "Basic Zm9vOmJhcg==",
                    "Bearer " + "\u00ff".repeat(20)).get(random.nextInt(4)));
            case "query" -> path = path + (path.contains("?") ? "&" : "?") + List.of("limit=-1", "limit=999999999999", "after=abc",
                    "cursor=%00", "status=%FF", "environment=mars", "after=-5", "limit=1e3").get(random.nextInt(8));
            default -> throw new IllegalStateException(mutation);
        }
        if (body == null) {
            return http.send(endpoint.method() + " " + path + " HTTP/1.1", headers, new byte[0]);
        }
        headers.put("Content-Type", contentType);
        return http.json(endpoint.method(), path, body, headers);
    }

    /** The body with one field (possibly nested, possibly in an array) set to the raw JSON text given. */
    private static String replaceField(JsonNode body, Random random, String rawJson) {
        List<String> fields = new ArrayList<>();
        collect(body, "", fields);
        if (fields.isEmpty()) {
            return rawJson;
        }
        String chosen = fields.get(random.nextInt(fields.size()));
        JsonNode copy = body.deepCopy();
        String marker = "__FUZZ_" + UUID.randomUUID() + "__";
        set(copy, chosen, marker);
        return copy.toString().replace("\"" + marker + "\"", rawJson);
    }

    private static void collect(JsonNode node, String path, List<String> fields) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                fields.add(path + "/" + name);
                collect(node.get(name), path + "/" + name, fields);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, fields);
            }
        }
    }

    private static void set(JsonNode root, String path, String value) {
        String parent = path.substring(0, path.lastIndexOf('/'));
        String last = path.substring(path.lastIndexOf('/') + 1);
        JsonNode container = parent.isEmpty() ? root : root.at(parent);
        if (container instanceof ObjectNode object) {
            object.put(last, value);
        } else if (container instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), array.textNode(value));
        }
    }

    private static String trick(String path, Random random) {
        String[] parts = path.split("\\?", 2)[0].split("/");
        int at = 2 + random.nextInt(Math.max(1, parts.length - 2));
        if (at >= parts.length) {
            return path + "/" + PATH_TRICKS.get(random.nextInt(PATH_TRICKS.size()));
        }
        parts[at] = PATH_TRICKS.get(random.nextInt(PATH_TRICKS.size()));
        return String.join("/", parts);
    }

    /** Rows a request could have stored; idempotency records and log-in throttling are bookkeeping of refusals too. */
    private long stored() {
        return jdbc.queryForObject("""
                select (select count(*) from domain_event_entry) + (select count(*) from snapshot_event_entry)
                     + (select count(*) from webhook) + (select count(*) from webhook_delivery)""", Long.class);
    }

    /** After an accepted request, let its background work (onboarding, reporting) finish before judging the next. */
    private void awaitQuiet() {
        long last = stored();
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && System.nanoTime() - stableSince < Duration.ofMillis(800).toNanos()) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = stored();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
    }

    private static JsonNode parseOrNull(String body) {
        try {
            return Api.JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
