package sa.qayd.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.qayd.api.apikey.ApiKeySecrets;
import sa.qayd.app.Tenants.Tenant;

/** The public contract over real HTTP, against the real embedded PostgreSQL. */
@SpringBootTest(classes = QaydApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "qayd.data-dir=")
class PublicContractTest extends ServiceTest {
    @DynamicPropertySource
    static void gateways(DynamicPropertyRegistry properties) {
        LocalGateways.register(properties);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Scheduler scheduler;


    private UUID activeUnit(String apiKey, String invoiceTypes) {
        return tenants.activeUnit(apiKey, invoiceTypes);
    }

    private static void assertProblem(Api.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.text("detail")).isNotBlank();
        assertThat(reply.raw().body()).doesNotContain("Exception").doesNotContain("at sa.qayd");
    }

    @Nested
    class SignUp {
        @Test
        void givesTheFirstKeyInFullOnceWithTheEnvironmentInItsPrefix() {
            Tenant sandbox = tenants.onboard("sandbox");
            assertThat(sandbox.apiKey()).startsWith("qk_sandbox_");
            Tenant production = tenants.onboard("production");
            assertThat(production.apiKey()).startsWith("qk_production_");

            Api.Reply keys = api.get("/v1/api-keys", sandbox.apiKey());
            assertThat(keys.status()).isEqualTo(200);
            assertThat(keys.body().path("data")).hasSize(1);
            JsonNode listed = keys.body().path("data").get(0);
            assertThat(listed.path("masked_key").asText()).startsWith("qk_sandbox_…").endsWith(sandbox.apiKey().substring(sandbox.apiKey().length() - 4));
            assertThat(keys.raw().body()).doesNotContain(sandbox.apiKey());
            assertThat(jdbc.queryForList("select secret_hash from api_key_secret", String.class)).doesNotContain(sandbox.apiKey())
                    .contains(ApiKeySecrets.hash(sandbox.apiKey()));
        }

        @Test
        void refusesBadFieldsAllAtOnce() {
            Api.Reply reply = api.post("/v1/onboard", null, Api.json("company_name", "", "email", "nope",
                    "password", "short", "vat_number", "123456789012345"));
            assertProblem(reply, 422, "VALIDATION_FAILED");
            assertThat(reply.body().path("errors").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("company_name", "email", "password", "vat_number");
        }

        @Test
        void refusesASecondAccountWithTheSameEmailAndKeepsTheFirst() {
            Tenant first = tenants.onboard("sandbox");
            Api.Reply again = api.post("/v1/onboard", null, Api.json("company_name", "Copycat", "email", first.email().toUpperCase(),
                    "password", "another password", "vat_number", "399999999900003"));
            assertProblem(again, 409, "EMAIL_ALREADY_REGISTERED");
            assertThat(api.get("/v1/api-keys", first.apiKey()).status()).isEqualTo(200);
            assertThat(jdbc.queryForObject("select count(*) from account_credential where email = ?", Integer.class,
                    first.email())).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from account_login where email = ?", Integer.class,
                    first.email())).isEqualTo(1);
        }

        @Test
        void malformedJsonIsABadRequestAndUnknownFieldsAreNamed() {
            assertProblem(api.post("/v1/onboard", null, "{not json"), 400, "MALFORMED_REQUEST");
            Api.Reply unknown = api.post("/v1/onboard", null, Api.json("company_name", "A", "email", "a@b.sa",
                    "password", "long enough pw", "vat_number", "399999999900003", "vat", "x"));
            assertProblem(unknown, 422, "VALIDATION_FAILED");
            assertThat(unknown.body().path("errors").get(0).path("field").asText()).isEqualTo("vat");
        }
    }

    @Nested
    class ApiKeys {
        @Test
        void missingUnknownAndRevokedKeysGet401() {
            assertProblem(api.get("/v1/egs", null), 401, "UNAUTHORIZED");
            assertProblem(api.get("/v1/egs", "qk_sandbox_" + "x".repeat(43)), 401, "UNAUTHORIZED");
            Tenant tenant = tenants.onboard("sandbox");
            Api.Reply second = api.post("/v1/api-keys", tenant.apiKey(), Api.json("name", "ci"));
            assertThat(second.status()).isEqualTo(201);
            String secondKey = second.text("key");
            assertThat(api.get("/v1/egs", secondKey).status()).isEqualTo(200);

            Api.Reply revoked = api.send("DELETE", "/v1/api-keys/" + second.text("id"), tenant.apiKey(), null, Map.of());
            assertThat(revoked.status()).isEqualTo(204);
            assertProblem(api.get("/v1/egs", secondKey), 401, "UNAUTHORIZED");
            JsonNode listed = api.get("/v1/api-keys", tenant.apiKey()).body().path("data");
            assertThat(listed.findValuesAsText("status")).containsExactly("active", "revoked");
        }

        @Test
        void aSandboxKeyCannotCreateOrTouchProductionKeys() {
            Tenant tenant = tenants.onboard("sandbox");
            assertProblem(api.post("/v1/api-keys", tenant.apiKey(), Api.json("name", "prod", "environment", "production")),
                    403, "ENVIRONMENT_MISMATCH");
            Tenant other = tenants.onboard("sandbox");
            assertProblem(api.send("DELETE", "/v1/api-keys/" + other.apiKeyId(), tenant.apiKey(), null, Map.of()),
                    404, "API_KEY_NOT_FOUND");
            assertThat(api.get("/v1/egs", other.apiKey()).status()).isEqualTo(200);
        }

        @Test
        void repeatedWrongPasswordsLockTheEmailForAWhile() {
            Tenant tenant = tenants.onboard("sandbox");
            Api browser = new Api(port);
            for (int attempt = 0; attempt < 10; attempt++) {
                assertProblem(browser.post("/v1/session", null, Api.json("email", tenant.email(), "password", "guess " + attempt)),
                        401, "INVALID_CREDENTIALS");
            }
            assertProblem(browser.post("/v1/session", null, Api.json("email", tenant.email(), "password", tenant.password())),
                    429, "TOO_MANY_LOGIN_ATTEMPTS");
            assertThat(api.get("/v1/api-keys", tenant.apiKey()).status()).isEqualTo(200);
        }

        @Test
        void theDashboardSessionManagesBothEnvironmentsWithCsrfProtection() {
            Tenant tenant = tenants.onboard("sandbox");
            Api browser = new Api(port);
            assertProblem(browser.post("/v1/session", null, Api.json("email", tenant.email(), "password", "wrong password")),
                    401, "INVALID_CREDENTIALS");
            Api.Reply login = browser.post("/v1/session", null, Api.json("email", tenant.email(), "password", tenant.password()));
            assertThat(login.status()).isEqualTo(200);
            Api.Reply session = browser.get("/v1/session", null);
            assertThat(session.text("account_id")).isEqualTo(tenant.accountId().toString());
            assertThat(session.text("email")).isEqualTo(tenant.email());
            assertThat(session.text("company_name")).isEqualTo("Acme Trading");

            ObjectNode productionKey = Api.json("name", "live", "environment", "production");
            assertProblem(browser.post("/v1/api-keys", null, productionKey), 403, "CSRF_TOKEN_INVALID");
            Api.Reply created = browser.send("POST", "/v1/api-keys", null, productionKey, Map.of("X-XSRF-TOKEN", browser.csrfToken()));
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            assertThat(created.text("key")).startsWith("qk_production_");

            JsonNode all = browser.get("/v1/api-keys", null).body().path("data");
            assertThat(all.findValuesAsText("environment")).containsExactlyInAnyOrder("sandbox", "production");
            assertThat(api.get("/v1/api-keys", tenant.apiKey()).body().path("data").findValuesAsText("environment"))
                    .containsExactly("sandbox");

            assertThat(browser.send("DELETE", "/v1/session", null, null, Map.of("X-XSRF-TOKEN", browser.csrfToken())).status())
                    .isEqualTo(204);
            assertProblem(browser.get("/v1/api-keys", null), 401, "UNAUTHORIZED");
        }
    }

    @Nested
    class EgsUnits {
        @Test
        void aNewUnitIsPendingInTheKeysEnvironmentAndInvisibleToOthers() {
            Tenant tenant = tenants.onboard("sandbox");
            UUID unit = tenants.createUnit(tenant.apiKey(), "both");
            // readable at once: registration answers only when a read finds the unit
            Api.Reply read = api.get("/v1/egs/" + unit, tenant.apiKey());
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.text("onboarding_status")).isIn("pending", "active");
            assertThat(read.text("environment")).isEqualTo("sandbox");
            assertThat(read.text("vat_number")).isEqualTo("399999999900003");
            assertThat(read.text("organisation_name")).isEqualTo("Acme Trading");
            assertThat(read.text("invoice_types")).isEqualTo("both");

            Tenant stranger = tenants.onboard("sandbox");
            assertProblem(api.get("/v1/egs/" + unit, stranger.apiKey()), 404, "EGS_UNIT_NOT_FOUND");
            assertThat(api.get("/v1/egs", stranger.apiKey()).body().path("data")).isEmpty();
        }

        @Test
        void csrFieldsAreCheckedBeforeAnythingIsStored() {
            Tenant tenant = tenants.onboard("sandbox");
            ObjectNode body = Tenants.unitBody("Till", "both");
            body.put("serial_number", "x".repeat(65));
            body.put("branch", "R&D");
            body.put("model", "POS|7");
            body.put("otp", "12");
            body.put("invoice_types", "all");
            ((ObjectNode) body.get("address")).put("postal_code", "1234");
            Api.Reply reply = api.post("/v1/egs", tenant.apiKey(), body);
            assertProblem(reply, 422, "VALIDATION_FAILED");
            assertThat(reply.body().path("errors").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("serial_number", "branch", "model", "otp", "invoice_types", "address.postal_code");
        }
    }

    @Nested
    class UnitResolution {
        @Test
        void patternAAndPatternBWithOverride() {
            Tenant tenant = tenants.onboard("sandbox");
            ObjectNode invoice = Tenants.simplifiedInvoice();

            Api.Reply noUnit = api.post("/v1/invoices/simplified", tenant.apiKey(), invoice);
            assertProblem(noUnit, 422, "EGS_UNIT_REQUIRED");
            assertThat(noUnit.text("detail")).contains("default EGS unit").contains("egs_unit_id");

            Api.Reply refusedOtp = api.post("/v1/egs", tenant.apiKey(), Tenants.unitBody("Wrong OTP", "both").put("otp", "999999"));
            UUID failed = UUID.fromString(refusedOtp.text("id"));
            tenants.awaitUnitStatus(tenant.apiKey(), failed, "failed");
            assertProblem(api.post("/v1/invoices/simplified", tenant.apiKey(), invoice.deepCopy().put("egs_unit_id", failed.toString())),
                    409, "EGS_UNIT_NOT_ACTIVE");

            UUID unitA = activeUnit(tenant.apiKey(), "both");
            Api.Reply patternA = api.post("/v1/invoices/simplified", tenant.apiKey(), invoice.deepCopy().put("egs_unit_id", unitA.toString()));
            assertThat(patternA.status()).as(patternA.body().toString()).isEqualTo(201);
            assertThat(patternA.text("egs_unit_id")).isEqualTo(unitA.toString());
            assertThat(patternA.body().path("icv").asLong()).isEqualTo(1);

            Api.Reply setDefault = api.send("PATCH", "/v1/api-keys/" + tenant.apiKeyId(), tenant.apiKey(),
                    Api.json("default_egs_unit_id", unitA.toString()), Map.of());
            assertThat(setDefault.status()).as(setDefault.body().toString()).isEqualTo(200);
            Api.Reply patternB = api.post("/v1/invoices/simplified", tenant.apiKey(), invoice);
            assertThat(patternB.status()).isEqualTo(201);
            assertThat(patternB.text("egs_unit_id")).isEqualTo(unitA.toString());
            assertThat(patternB.body().path("icv").asLong()).isEqualTo(2);

            UUID unitB = activeUnit(tenant.apiKey(), "both");
            Api.Reply overridden = api.post("/v1/invoices/simplified", tenant.apiKey(), invoice.deepCopy().put("egs_unit_id", unitB.toString()));
            assertThat(overridden.text("egs_unit_id")).isEqualTo(unitB.toString());
            assertThat(overridden.body().path("icv").asLong()).isEqualTo(1);

            Api.Reply cleared = api.send("PATCH", "/v1/api-keys/" + tenant.apiKeyId(), tenant.apiKey(),
                    Api.json("default_egs_unit_id", null), Map.of());
            assertThat(cleared.status()).isEqualTo(200);
            assertProblem(api.post("/v1/invoices/simplified", tenant.apiKey(), invoice), 422, "EGS_UNIT_REQUIRED");
        }

        @Test
        void unitsOfTheOtherEnvironmentOrAnotherTenantAreRefused() {
            Tenant tenant = tenants.onboard("sandbox");
            Api browser = new Api(port);
            browser.post("/v1/session", null, Api.json("email", tenant.email(), "password", tenant.password()));
            Api.Reply productionKey = browser.send("POST", "/v1/api-keys", null,
                    Api.json("name", "live", "environment", "production"), Map.of("X-XSRF-TOKEN", browser.csrfToken()));
            String production = productionKey.text("key");
            UUID productionUnit = activeUnit(production, "both");
            UUID sandboxUnit = activeUnit(tenant.apiKey(), "both");

            ObjectNode useProductionUnit = Tenants.simplifiedInvoice().put("egs_unit_id", productionUnit.toString());
            assertProblem(api.post("/v1/invoices/simplified", tenant.apiKey(), useProductionUnit), 403, "EGS_UNIT_ENVIRONMENT_MISMATCH");
            assertProblem(api.send("PATCH", "/v1/api-keys/" + tenant.apiKeyId(), tenant.apiKey(),
                    Api.json("default_egs_unit_id", productionUnit.toString()), Map.of()), 403, "EGS_UNIT_ENVIRONMENT_MISMATCH");
            assertProblem(api.get("/v1/egs/" + productionUnit, tenant.apiKey()), 403, "EGS_UNIT_ENVIRONMENT_MISMATCH");
            assertProblem(api.post("/v1/egs", tenant.apiKey(), Tenants.unitBody("x", "both").put("environment", "production")),
                    403, "ENVIRONMENT_MISMATCH");

            Tenant stranger = tenants.onboard("sandbox");
            ObjectNode useForeignUnit = Tenants.simplifiedInvoice().put("egs_unit_id", sandboxUnit.toString());
            assertProblem(api.post("/v1/invoices/simplified", stranger.apiKey(), useForeignUnit), 404, "EGS_UNIT_NOT_FOUND");
            assertProblem(api.send("PATCH", "/v1/api-keys/" + stranger.apiKeyId(), stranger.apiKey(),
                    Api.json("default_egs_unit_id", sandboxUnit.toString()), Map.of()), 404, "EGS_UNIT_NOT_FOUND");
            assertProblem(api.post("/v1/invoices/simplified", stranger.apiKey(),
                    Tenants.simplifiedInvoice().put("egs_unit_id", UUID.randomUUID().toString())), 404, "EGS_UNIT_NOT_FOUND");
            // an id of another kind of aggregate is no unit either
            assertProblem(api.post("/v1/invoices/simplified", stranger.apiKey(),
                    Tenants.simplifiedInvoice().put("egs_unit_id", stranger.apiKeyId().toString())), 404, "EGS_UNIT_NOT_FOUND");
        }
    }

    @Nested
    class Documents {
        @Test
        void invoiceBodiesGetFieldLevelErrors() {
            Tenant tenant = tenants.onboard("sandbox");
            UUID unit = activeUnit(tenant.apiKey(), "both");
            ObjectNode bad = Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()).put("currency", "XXXX");
            ((ObjectNode) bad.get("lines").get(0)).put("vat_rate", 7);
            ((ObjectNode) bad.get("lines").get(1)).put("vat_category", "E").put("vat_rate", 0);
            Api.Reply reply = api.post("/v1/invoices/simplified", tenant.apiKey(), bad);
            assertProblem(reply, 422, "VALIDATION_FAILED");
            assertThat(reply.body().path("errors").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("currency", "lines[0].vat_rate", "lines[1].exemption_reason_code");

            Api.Reply standardWithoutBuyer = api.post("/v1/invoices/standard", tenant.apiKey(),
                    Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));
            assertProblem(standardWithoutBuyer, 422, "VALIDATION_FAILED");
            assertThat(standardWithoutBuyer.body().path("errors").findValuesAsText("field")).contains("buyer");

            Api.Reply notANumber = api.post("/v1/invoices/simplified", tenant.apiKey(),
                    Tenants.simplifiedInvoice().put("egs_unit_id", "not-a-uuid"));
            assertProblem(notANumber, 422, "VALIDATION_FAILED");
            assertThat(notANumber.body().path("errors").get(0).path("field").asText()).isEqualTo("egs_unit_id");
        }

        @Test
        void creditAndDebitNotesInheritTheOriginalsTypeOrNameIt() {
            Tenant tenant = tenants.onboard("sandbox");
            UUID unit = activeUnit(tenant.apiKey(), "both");
            Api.Reply original = api.post("/v1/invoices/standard", tenant.apiKey(), Tenants.standardInvoice().put("egs_unit_id", unit.toString()));
            assertThat(original.status()).as(original.body().toString()).isEqualTo(201);
            assertThat(original.text("status")).isEqualTo("cleared");

            ObjectNode credit = Tenants.standardInvoice().put("egs_unit_id", unit.toString())
                    .put("original_invoice_id", original.text("id")).put("reason", "Returned items");
            Api.Reply creditNote = api.post("/v1/invoices/credit", tenant.apiKey(), credit);
            assertThat(creditNote.status()).as(creditNote.body().toString()).isEqualTo(201);
            assertThat(creditNote.text("kind")).isEqualTo("standard");
            assertThat(creditNote.text("document_type")).isEqualTo("credit_note");

            ObjectNode debit = Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString())
                    .put("billing_reference", "EXT-2024-001").put("reason", "Price adjustment");
            Api.Reply withoutType = api.post("/v1/invoices/debit", tenant.apiKey(), debit);
            assertProblem(withoutType, 422, "VALIDATION_FAILED");
            assertThat(withoutType.body().path("errors").findValuesAsText("field")).contains("invoice_type");
            Api.Reply debitNote = api.post("/v1/invoices/debit", tenant.apiKey(), debit.deepCopy().put("invoice_type", "simplified"));
            assertThat(debitNote.status()).as(debitNote.body().toString()).isEqualTo(201);
            assertThat(debitNote.text("kind")).isEqualTo("simplified");

            assertProblem(api.post("/v1/invoices/credit", tenant.apiKey(), credit.deepCopy().without("reason")), 422, "VALIDATION_FAILED");
            assertProblem(api.post("/v1/invoices/credit", tenant.apiKey(),
                    credit.deepCopy().put("original_invoice_id", UUID.randomUUID().toString())), 404, "ORIGINAL_INVOICE_NOT_FOUND");
            assertProblem(api.post("/v1/invoices/simplified", tenant.apiKey(),
                    Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()).put("reason", "x")), 422, "VALIDATION_FAILED");
        }

        @Test
        void aUnitOnlyIssuesTheTypesItWasOnboardedFor() {
            Tenant tenant = tenants.onboard("sandbox");
            UUID simplifiedOnly = activeUnit(tenant.apiKey(), "simplified");
            assertProblem(api.post("/v1/invoices/standard", tenant.apiKey(),
                    Tenants.standardInvoice().put("egs_unit_id", simplifiedOnly.toString())), 422, "INVOICE_TYPE_NOT_ALLOWED");
        }
    }

    @Nested
    class Idempotency {
        @Test
        void aRetryReturnsTheFirstAnswerAndADifferentBodyIsRefused() {
            Tenant tenant = tenants.onboard("sandbox");
            UUID unit = activeUnit(tenant.apiKey(), "both");
            ObjectNode invoice = Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString());
            Map<String, String> key = Map.of("Idempotency-Key", "order-4711");

            Api.Reply first = api.send("POST", "/v1/invoices/simplified", tenant.apiKey(), invoice, key);
            Api.Reply retry = api.send("POST", "/v1/invoices/simplified", tenant.apiKey(), invoice, key);
            assertThat(first.status()).isEqualTo(201);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.raw().headers().firstValue("Idempotent-Replayed")).contains("true");

            Api.Reply next = api.post("/v1/invoices/simplified", tenant.apiKey(), invoice);
            assertThat(next.body().path("icv").asLong()).isEqualTo(2);

            invoice.put("note", "changed");
            assertProblem(api.send("POST", "/v1/invoices/simplified", tenant.apiKey(), invoice, key), 409, "IDEMPOTENCY_KEY_REUSED");
        }

        @Test
        void recordsOlderThanTheRetentionAreDeletedByTheScheduledTask() {
            jdbc.update("""
                    insert into idempotency_record (scope, idempotency_key, request_fingerprint, response_status, created_at)
                    values ('key:old', 'k', ?, 201, now() - interval '2 days'), ('key:new', 'k', ?, 201, now())""",
                    "a".repeat(64), "b".repeat(64));
            scheduler.reschedule(TaskInstanceId.of("idempotency-retention", RecurringTask.INSTANCE), Instant.now());
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                    "select scope from idempotency_record where scope like 'key:%' and idempotency_key = 'k'", String.class))
                    .containsExactly("key:new"));
        }

        @Test
        void keysAreScopedToTheAccountSoTwoKeysOfOneIntegrationRunARequestOnce() {
            Tenant one = tenants.onboard("sandbox");
            Tenant two = tenants.onboard("sandbox");
            Map<String, String> key = Map.of("Idempotency-Key", "same-key");
            Api.Reply first = api.send("POST", "/v1/api-keys", one.apiKey(), Api.json("name", "a"), key);
            Api.Reply second = api.send("POST", "/v1/api-keys", two.apiKey(), Api.json("name", "a"), key);
            assertThat(first.status()).isEqualTo(201);
            assertThat(second.status()).isEqualTo(201);
            assertThat(second.text("id")).isNotEqualTo(first.text("id"));
            byte[] stored = jdbc.queryForObject("select response_body from idempotency_record where scope = ?",
                    byte[].class, "account:" + one.accountId());
            assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(first.text("key"));

            // the account's second key retries the same invoice: it is issued once
            UUID unit = activeUnit(one.apiKey(), "both");
            String otherKeyOfOne = first.text("key");
            ObjectNode invoice = Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString());
            Map<String, String> order = Map.of("Idempotency-Key", "order-77");
            Api.Reply issued = api.send("POST", "/v1/invoices/simplified", one.apiKey(), invoice, order);
            Api.Reply retried = api.send("POST", "/v1/invoices/simplified", otherKeyOfOne, invoice, order);
            assertThat(issued.status()).isEqualTo(201);
            assertThat(retried.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
            assertThat(retried.text("id")).isEqualTo(issued.text("id"));
            assertThat(new EventLog(jdbc).events("InvoiceIssuedEvent", "accountId", one.accountId())).hasSize(1);
        }

        @Test
        void aDocumentCommittedByAFirstRunThatDiedBeforeAnsweringIsNotIssuedAgainByTheRetry() {
            Tenant tenant = tenants.onboard("sandbox");
            UUID unit = activeUnit(tenant.apiKey(), "both");
            ObjectNode invoice = Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString());
            Map<String, String> key = Map.of("Idempotency-Key", "till-7-receipt-991");
            Api.Reply first = api.send("POST", "/v1/invoices/simplified", tenant.apiKey(), invoice, key);
            assertThat(first.status()).isEqualTo(201);
            // as a process killed after the document was committed, before its answer was kept
            jdbc.update("""
                    update idempotency_record set response_status = null, response_body = null, lease_until = now()
                    where scope = ? and idempotency_key = ?""", "account:" + tenant.accountId(), "till-7-receipt-991");

            Api.Reply retry = api.send("POST", "/v1/invoices/simplified", tenant.apiKey(), invoice, key);
            assertThat(retry.status()).as(retry.body().toString()).isEqualTo(201);
            assertThat(retry.raw().headers().firstValue("Idempotent-Replayed")).as("run again, not replayed").isEmpty();
            assertThat(retry.text("id")).isEqualTo(first.text("id"));
            assertThat(retry.body().path("icv").asLong()).isEqualTo(first.body().path("icv").asLong());
            assertThat(retry.text("signed_xml")).isEqualTo(first.text("signed_xml"));
            assertThat(new EventLog(jdbc).events("InvoiceIssuedEvent", "accountId", tenant.accountId()))
                    .as("issued once").hasSize(1);
            assertThat(api.post("/v1/invoices/simplified", tenant.apiKey(), invoice).body().path("icv").asLong())
                    .as("no number was taken by the retry").isEqualTo(first.body().path("icv").asLong() + 1);
        }

        @Test
        void aFirstRequestWhoseProcessDiedFreesItsKeyOnceItsLeaseLapses() {
            Tenant tenant = tenants.onboard("sandbox");
            Map<String, String> key = Map.of("Idempotency-Key", "crashed-mid-request");
            Api.Reply running = api.send("POST", "/v1/api-keys", tenant.apiKey(), Api.json("name", "a"), key);
            assertThat(running.status()).isEqualTo(201);
            // as a process killed mid-request leaves it: in progress, lease not renewed any more
            jdbc.update("""
                    update idempotency_record set response_status = null, response_body = null, lease_until = now() + interval '1 second'
                    where scope = ? and idempotency_key = ?""", "account:" + tenant.accountId(), "crashed-mid-request");
            assertProblem(api.send("POST", "/v1/api-keys", tenant.apiKey(), Api.json("name", "a"), key),
                    409, "IDEMPOTENCY_REQUEST_IN_PROGRESS");
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(api.send("POST", "/v1/api-keys", tenant.apiKey(), Api.json("name", "a"), key).status())
                            .isEqualTo(201));
            assertProblem(api.send("POST", "/v1/api-keys", tenant.apiKey(), Api.json("name", "b"), key),
                    409, "IDEMPOTENCY_KEY_REUSED");
        }
    }

    @Test
    void eventsAreStoredAsReadableJsonInBytea() throws Exception {
        Tenant tenant = tenants.onboard("sandbox");
        assertThat(jdbc.queryForObject("""
                select data_type from information_schema.columns
                where table_name = 'domain_event_entry' and column_name = 'payload'""", String.class)).isEqualTo("bytea");
        String payload = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%AccountRegisteredEvent'""", String.class,
                tenant.accountId().toString());
        JsonNode event = Api.JSON.readTree(payload);
        assertThat(event.path("companyName").asText()).isEqualTo("Acme Trading");
        assertThat(event.path("email").path("sealed").asText()).as("personal data, sealed under the account's key")
                .isNotBlank();
        assertThat(payload).doesNotContain(tenant.email()).doesNotContain(tenant.password()).doesNotContain("passwordHash");
    }
}
