package sa.qayd.app.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * The findings of issue 14, each as it was found: every one answered problem+json with a stable
 * code, never a 500, and nothing stored from a refused request.
 */
@SpringBootTest(classes = QaydApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qayd.data-dir=", "qayd.rate-limits.sign-up.requests=" + HostileInputTest.SIGN_UPS_PER_CLIENT, "qayd.rate-limits.sign-up.per=PT1H"})
class HostileInputTest extends ServiceTest {
    /** Enough for every test's sign-ups from 127.0.0.1; the rate-limit test signs up from 127.0.0.3. */
    static final int SIGN_UPS_PER_CLIENT = 40;
    @Autowired
    JdbcTemplate jdbc;

    private RawHttp raw() {
        return new RawHttp(port, "127.0.0.1");
    }

    static void assertProblem(int status, String contentType, String body, int expectedStatus, String code) {
        assertThat(status).as(body).isEqualTo(expectedStatus);
        assertThat(contentType).startsWith("application/problem+json");
        JsonNode problem = parse(body);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
        assertThat(body).doesNotContain("Exception").doesNotContain("<html");
    }

    private static void assertProblem(RawHttp.Reply reply, int status, String code) {
        assertProblem(reply.status(), reply.header("Content-Type"), reply.body(), status, code);
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertProblem(reply.status(), reply.contentType(), reply.raw().body(), status, code);
    }

    private static JsonNode parse(String body) {
        try {
            return Api.JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static ObjectNode signUp(String companyName) {
        return Api.json("company_name", companyName, "email", "x" + UUID.randomUUID() + "@example.sa",
                "password", "correct horse battery", "vat_number", "399999999900003");
    }

    @Test
    void aWildcardContentTypeIsUnsupportedNotAServerError() {
        Tenant tenant = tenants.onboard("sandbox");
        String body = signUp("Acme").toString();
        assertProblem(raw().json("POST", "/v1/onboard", body, Map.of("Content-Type", "*/*")), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(raw().json("PATCH", "/v1/api-keys/" + tenant.apiKeyId(), "{\"default_egs_unit_id\": null}",
                Map.of("Content-Type", "*/*", "Authorization", "Bearer " + tenant.apiKey())), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(raw().json("POST", "/v1/onboard", body, Map.of("Content-Type", "application/json; charset=nonsense")),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void controlCharactersAndBrokenUnicodeAreRefusedAtTheRequestAndNothingIsStored() {
        long before = events();
        for (String name : List.of("Acme\u0000Trading", "Acme\u001B[31mTrading", "x".repeat(201))) {
            Api.Reply reply = api.post("/v1/onboard", null, signUp(name));
            assertProblem(reply, 422, "VALIDATION_FAILED");
            assertThat(reply.body().path("errors").findValuesAsText("field")).containsExactly("company_name");
        }
        // a lone surrogate written as a JSON escape, which Jackson decodes into a broken string
        String escaped = signUp("x").toString().replace("\"x\"", "\"Acme \\ud800 Trading\"");
        assertProblem(raw().json("POST", "/v1/onboard", escaped, Map.of()), 422, "VALIDATION_FAILED");

        Tenant tenant = tenants.onboard("sandbox");
        long afterSignUp = events();
        for (String[] field : new String[][] {{"branch", "Riyadh\u0000HQ"}, {"name", "Till\u0007"},
                {"location", "RRRD\u001B2929"}, {"industry", "Retail\u0085"}}) {
            ObjectNode unit = Tenants.unitBody("Till", "both").put(field[0], field[1]);
            Api.Reply reply = api.post("/v1/egs", tenant.apiKey(), unit);
            assertProblem(reply, 422, "VALIDATION_FAILED");
            assertThat(reply.body().path("errors").findValuesAsText("field")).containsExactly(field[0]);
        }
        String loneSurrogate = Tenants.unitBody("Till", "both").put("model", "MODEL").toString().replace("MODEL", "POS\\udc007");
        RawHttp.Reply surrogate = raw().json("POST", "/v1/egs", loneSurrogate, Map.of("Authorization", "Bearer " + tenant.apiKey()));
        assertProblem(surrogate, 422, "VALIDATION_FAILED");
        assertThat(parse(surrogate.body()).path("errors").findValuesAsText("field")).containsExactly("model");
        Api.Reply webhook = api.post("/v1/webhooks", tenant.apiKey(), Api.json("url", "https://8.8.8.8/hook", "description", "a\u0000b"));
        assertProblem(webhook, 422, "VALIDATION_FAILED");
        assertThat(events()).isEqualTo(afterSignUp);
        assertThat(afterSignUp - before).as("only the one valid sign-up stored events").isPositive();
        assertThat(jdbc.queryForObject("select count(*) from webhook", Long.class)).isZero();
    }

    @Test
    void whatTheCertificateCannotCarryIsRefusedWhenTheUnitIsRegistered() {
        Tenant longName = onboard("A company name that is far longer than the sixty-four characters of a CSR field",
                "399999999900003");
        long before = events();
        Api.Reply reply = api.post("/v1/egs", longName.apiKey(), Tenants.unitBody("Till", "both"));
        assertProblem(reply, 422, "VALIDATION_FAILED");
        assertThat(reply.body().path("errors").findValuesAsText("field")).containsExactly("organisation_name");
        assertThat(api.post("/v1/egs", longName.apiKey(), Tenants.unitBody("Till", "both").put("organisation_name", "Acme"))
                .status()).isEqualTo(202);

        Tenant vatGroup = onboard("Acme Group", "399999999910003");
        Api.Reply group = api.post("/v1/egs", vatGroup.apiKey(), Tenants.unitBody("Till", "both"));
        assertProblem(group, 422, "VALIDATION_FAILED");
        assertThat(group.body().path("errors").findValuesAsText("field")).containsExactly("branch");
        assertThat(events()).isGreaterThan(before);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier in "
                + "(select aggregate_identifier from audit_aggregate_owner where account_id = ?) and payload_type like '%EgsUnitRegisteredEvent'",
                Long.class, vatGroup.accountId())).isZero();
    }

    private Tenant onboard(String companyName, String vatNumber) {
        ObjectNode body = signUp(companyName).put("vat_number", vatNumber);
        Api.Reply reply = api.post("/v1/onboard", null, body);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return new Tenant(UUID.fromString(reply.text("account_id")), body.path("email").asText(), "correct horse battery",
                reply.body().path("api_key").path("key").asText(), UUID.fromString(reply.body().path("api_key").path("id").asText()));
    }

    @Test
    void aHugeEmailOrPasswordAtLogInIsRefusedNotAServerError() {
        assertProblem(api.post("/v1/session", null, Api.json("email", "a".repeat(1_000_000) + "@x.sa", "password", "p")),
                422, "VALIDATION_FAILED");
        Tenant tenant = tenants.onboard("sandbox");
        assertProblem(api.post("/v1/session", null, Api.json("email", tenant.email(), "password", "p".repeat(100_000))),
                401, "INVALID_CREDENTIALS");
        assertProblem(api.post("/v1/onboard", null, signUp("Acme").put("password", "ü".repeat(40))), 422, "VALIDATION_FAILED");
    }

    @Test
    void bodiesBeyondTheLimitAreRefusedBeforeTheyAreRead() {
        byte[] big = ("{\"company_name\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Reply declared = raw().send("POST /v1/onboard HTTP/1.1", Map.of("Content-Type", "application/json",
                "Content-Length", Integer.toString(big.length), "Idempotency-Key", "huge-1"), big);
        assertProblem(declared, 413, "PAYLOAD_TOO_LARGE");
        // chunked: no length to refuse up front, the stream stops at the limit (the idempotency filter reads it first)
        RawHttp.Reply chunked = raw().send("POST /v1/onboard HTTP/1.1", Map.of("Content-Type", "application/json",
                "Transfer-Encoding", "chunked", "Idempotency-Key", "huge-2"), chunk(big));
        assertProblem(chunked, 413, "PAYLOAD_TOO_LARGE");
        RawHttp.Reply chunkedWithoutKey = raw().send("POST /v1/onboard HTTP/1.1", Map.of("Content-Type", "application/json",
                "Transfer-Encoding", "chunked"), chunk(big));
        assertProblem(chunkedWithoutKey, 413, "PAYLOAD_TOO_LARGE");
        assertThat(jdbc.queryForObject("select count(*) from idempotency_record where idempotency_key like 'huge-%'", Long.class))
                .isZero();
    }

    /** An invoice of a thousand lines fits the default limit with room to spare. */
    @Test
    void aThousandLineInvoiceIsWithinTheLimit() {
        ObjectNode invoice = Tenants.simplifiedInvoice();
        var lines = invoice.putArray("lines");
        for (int i = 0; i < 1000; i++) {
            lines.add(Api.json("name", "Line item number " + i + " with a descriptive name", "quantity", 1, "unit_price", "10.00",
                    "vat_category", "S", "vat_rate", 15));
        }
        assertThat(invoice.toString().length()).isLessThan(1_000_000 / 5);
        Tenant tenant = tenants.onboard("sandbox");
        Api.Reply reply = api.post("/v1/invoices/simplified", tenant.apiKey(), invoice);
        assertThat(reply.status()).as(reply.raw().body()).isNotIn(413, 500);
    }

    private static byte[] chunk(byte[] body) {
        StringBuilder chunked = new StringBuilder();
        String text = new String(body, StandardCharsets.UTF_8);
        for (int at = 0; at < text.length(); at += 8192) {
            String part = text.substring(at, Math.min(text.length(), at + 8192));
            chunked.append(Integer.toHexString(part.length())).append("\r\n").append(part).append("\r\n");
        }
        return chunked.append("0\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theContainersOwnRefusalsAndTheErrorPathAreProblemJson() {
        assertProblem(api.get("/error", null), 404, "NOT_FOUND");
        assertProblem(raw().send("GET /v1/invoices/a%2Fb HTTP/1.1", Map.of(), new byte[0]), 400, "MALFORMED_REQUEST");
        assertProblem(raw().send("GET /v1/invoices/a%00b HTTP/1.1", Map.of(), new byte[0]), 400, "MALFORMED_REQUEST");
        RawHttp.Reply oversized = raw().send("GET /v1/session HTTP/1.1", Map.of("X-Padding", "p".repeat(64 * 1024)), new byte[0]);
        assertThat(oversized.status()).isIn(400, 431);
        assertThat(oversized.header("Content-Type")).startsWith("application/problem+json");
        assertThat(parse(oversized.body()).path("code").asText()).isIn("MALFORMED_REQUEST", "REQUEST_HEADER_FIELDS_TOO_LARGE");
        assertProblem(raw().send("GET /v1/../etc/passwd HTTP/1.1", Map.of(), new byte[0]), 400, "MALFORMED_REQUEST");
    }

    @Test
    void parallelWrongPasswordsAreCountedBeforeTheyAreCheckedSoABurstNeverLogsIn() throws Exception {
        Tenant tenant = tenants.onboard("sandbox");
        List<Integer> burst = parallelLogIns(tenant, 50, -1);
        assertThat(burst.stream().filter(status -> status == 401).count()).isLessThanOrEqualTo(10);
        assertThat(burst).contains(429).doesNotContain(200, 500);

        Tenant other = tenants.onboard("sandbox");
        List<Integer> withTheRightOne = parallelLogIns(other, 50, 49);
        assertThat(withTheRightOne).as("49 wrong and 1 right password at once").doesNotContain(200, 500);
    }

    private List<Integer> parallelLogIns(Tenant tenant, int attempts, int rightOne) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Integer>> replies = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String password = i == rightOne ? tenant.password() : "wrong guess " + i;
                Callable<Integer> logIn = () -> new Api(port).post("/v1/session", null,
                        Api.json("email", tenant.email(), "password", password)).status();
                replies.add(clients.submit(logIn));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> reply : replies) {
                statuses.add(reply.get());
            }
            return statuses;
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void aStrangerFailingOnPurposeDoesNotLockTheOwnerOut() {
        Tenant tenant = tenants.onboard("sandbox");
        RawHttp stranger = new RawHttp(port, "127.0.0.2");
        String wrong = Api.json("email", tenant.email(), "password", "not the password").toString();
        for (int i = 0; i < 12; i++) {
            stranger.json("POST", "/v1/session", wrong, Map.of());
        }
        RawHttp.Reply refused = stranger.json("POST", "/v1/session", wrong, Map.of());
        assertProblem(refused, 429, "TOO_MANY_LOGIN_ATTEMPTS");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(api.post("/v1/session", null, Api.json("email", tenant.email(), "password", tenant.password())).status())
                .isEqualTo(200);
    }

    @Test
    void signUpsArePerClientRateLimitedWithRetryAfter() {
        RawHttp client = new RawHttp(port, "127.0.0.3");
        List<Integer> statuses = new ArrayList<>();
        RawHttp.Reply last = null;
        for (int i = 0; i < SIGN_UPS_PER_CLIENT + 2; i++) {
            last = client.json("POST", "/v1/onboard", signUp("Acme").toString(), Map.of());
            statuses.add(last.status());
        }
        assertThat(statuses.subList(0, SIGN_UPS_PER_CLIENT)).containsOnly(201);
        assertProblem(last, 429, "RATE_LIMITED");
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
        assertThat(api.post("/v1/onboard", null, signUp("Acme")).status()).as("another client").isEqualTo(201);
    }

    @Test
    void theCsrfTokenBelongsToTheSessionAndRequestsWithoutCredentialsAre401() {
        assertProblem(api.post("/v1/api-keys", null, Api.json("name", "x")), 401, "UNAUTHORIZED");
        assertProblem(api.send("DELETE", "/v1/session", null, null, Map.of()), 401, "UNAUTHORIZED");

        Tenant tenant = tenants.onboard("sandbox");
        Api browser = new Api(port);
        Api.Reply login = browser.post("/v1/session", null, Api.json("email", tenant.email(), "password", tenant.password()));
        assertThat(login.status()).isEqualTo(200);
        String cookie = login.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("SameSite=Strict").doesNotContain("HttpOnly");
        String session = login.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(session).contains("HttpOnly").contains("SameSite=Strict");

        // a cookie and header pair the attacker chose does not match the session's token
        String sessionId = session.substring("JSESSIONID=".length(), session.indexOf(';'));
        RawHttp.Reply forged = raw().json("POST", "/v1/api-keys", "{\"name\":\"x\"}", Map.of(
                "Cookie", "JSESSIONID=" + sessionId + "; XSRF-TOKEN=chosen", "X-XSRF-TOKEN", "chosen"));
        assertProblem(forged, 403, "CSRF_TOKEN_INVALID");
        Api.Reply genuine = browser.send("POST", "/v1/api-keys", null, Api.json("name", "x", "environment", "sandbox"),
                Map.of("X-XSRF-TOKEN", browser.csrfToken()));
        assertThat(genuine.status()).isEqualTo(201);
    }

    @Test
    void theDashboardIsServedWithAStrictContentSecurityPolicy() {
        RawHttp.Reply page = raw().send("GET / HTTP/1.1", Map.of(), new byte[0]);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    }
}
