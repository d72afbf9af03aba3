package sa.qayd.app.zatca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import sa.qayd.api.egs.RecordProductionCsidCommand;
import sa.qayd.app.Api;
import sa.qayd.app.EventLog;
import sa.qayd.app.LocalGateways;
import sa.qayd.app.QaydApplication;
import sa.qayd.app.ServiceTest;
import sa.qayd.app.Tenants;
import sa.qayd.app.Tenants.Tenant;
import sa.qayd.command.invoice.IssuedDocuments;
import sa.qayd.command.registrations.EventStoreRegistrations;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.signing.Signer;
import sa.qayd.zatca.simulator.FatooraSimulator;
import sa.qayd.zatca.simulator.SimulatorSettings;
import sa.qayd.zatca.verify.InvoiceVerifier;
import sa.qayd.zatca.verify.VerificationContext;

/**
 * Onboarding and submission through the real Fatoora protocol, against simulators on loopback:
 * one for the sandbox (with injected outages) and one for production.
 */
@SpringBootTest(classes = QaydApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qayd.data-dir=", "qayd.submission.retry-initial=PT1S", "qayd.submission.retry-max=PT2S",
                "qayd.zatca.retry.max-attempts=2", "qayd.zatca.retry.initial-backoff=PT0.2S",
                "qayd.onboarding.retry-initial=PT1S", "qayd.onboarding.retry-max=PT2S",
                "qayd.zatca.circuit-breaker.open-duration=PT2S", "qayd.egs.snapshot-every=20"})
class ZatcaPipelineTest extends ServiceTest {
    static final FatooraSimulator SANDBOX = LocalGateways.start(SimulatorSettings.DEVELOPER_PORTAL_BASE_PATH);
    static final FatooraSimulator PRODUCTION = LocalGateways.start("/e-invoicing/core");

    @DynamicPropertySource
    static void gateways(DynamicPropertyRegistry properties) {
        properties.add("qayd.zatca.sandbox.base-url", () -> SANDBOX.baseUri().toString());
        properties.add("qayd.zatca.production.base-url", () -> PRODUCTION.baseUri().toString());
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandBus commandBus;
    @Autowired
    IssuedDocuments documents;
    @Autowired
    EventStoreRegistrations registrations;

    EventLog events;

    @BeforeEach
    void readEvents() {
        events = new EventLog(jdbc);
    }

    @AfterEach
    void healGateways() {
        SANDBOX.faults().clear();
        PRODUCTION.faults().clear();
    }

    @Test
    void fiftyConcurrentInvoicesOnOneUnitFormAnUnbrokenChain() throws Exception {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            replies.add(clients.submit(() -> api.post("/v1/invoices/simplified", tenant.apiKey(),
                    Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()))));
        }
        List<Long> icvs = new ArrayList<>();
        for (Future<Api.Reply> reply : replies) {
            assertThat(reply.get().status()).as(reply.get().body().toString()).isEqualTo(201);
            icvs.add(reply.get().body().path("icv").asLong());
        }
        clients.shutdown();
        assertThat(icvs).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());

        List<JsonNode> issued = new ArrayList<>(events.events("InvoiceIssuedEvent", "egsUnitId", unit));
        issued.sort(Comparator.comparingLong(event -> event.path("icv").asLong()));
        String previousHash = InvoiceHash.FIRST_PREVIOUS_HASH;
        for (JsonNode document : issued) {
            long icv = document.path("icv").asLong();
            assertThat(document.path("previousInvoiceHash").asText()).as("PIH of ICV %d", icv).isEqualTo(previousHash);
            byte[] xml = Base64.getDecoder().decode(document.path("signedXml").asText());
            assertThat(InvoiceVerifier.verify(xml, VerificationContext.NONE.withExpectedChain(previousHash, icv)).problems())
                    .as("verification of ICV %d", icv).isEmpty();
            previousHash = document.path("invoiceHash").asText();
        }
        // the unit was loaded from snapshots part of the way, and numbers on from them exactly
        JsonNode snapshot = Api.JSON.readTree(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from snapshot_event_entry where aggregate_identifier = ?
                order by sequence_number desc limit 1""", String.class, unit.toString()));
        assertThat(snapshot.path("lastIcv").asLong()).isBetween(20L, 50L);
        assertThat(snapshot.path("lastInvoiceHash").asText()).isNotEqualTo(InvoiceHash.FIRST_PREVIOUS_HASH);
        Api.Reply next = api.post("/v1/invoices/simplified", tenant.apiKey(),
                Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));
        assertThat(next.body().path("icv").asLong()).isEqualTo(51);
        byte[] nextXml = Base64.getDecoder().decode(next.text("signed_xml"));
        assertThat(InvoiceVerifier.verify(nextXml, VerificationContext.NONE.withExpectedChain(previousHash, 51)).problems())
                .isEmpty();

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(events.events("InvoiceReportedEvent", "accountId", tenant.accountId())).hasSize(51));
        assertThat(events.events("InvoiceReportedEvent", "accountId", tenant.accountId()))
                .allSatisfy(reported -> assertThat(reported.path("warnings")).isEmpty());
    }

    @Test
    void theWorkerSendsWhatWasIssuedWhetherReadStraightOrThroughTheUpcasters() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");
        Api.Reply simplified = api.post("/v1/invoices/simplified", tenant.apiKey(),
                Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));
        assertThat(simplified.status()).isEqualTo(201);
        UUID invoiceId = UUID.fromString(simplified.text("id"));
        IssuedDocuments.IssuedDocument expected = IssuedDocuments.IssuedDocument.of(registrations.issued(invoiceId).orElseThrow());
        assertThat(expected.signedXml()).isEqualTo(simplified.text("signed_xml"));

        assertThat(documents.find(invoiceId)).as("read straight from the current revision").contains(expected);
        String revision = "update domain_event_entry set payload_revision = ? where aggregate_identifier = ? and sequence_number = 0";
        jdbc.update(revision, null, invoiceId.toString());
        try {
            assertThat(documents.find(invoiceId)).as("an event from before revisions, upcast").contains(expected);
        } finally {
            jdbc.update(revision, "2", invoiceId.toString());
        }
        assertThat(documents.find(unit)).as("a unit is not a document").isEmpty();
        assertThat(documents.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void anOutageDelaysSubmissionAndTheSameDocumentGoesThroughAfterwards() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");
        SANDBOX.faults().failFor(Duration.ofSeconds(6), 503);

        Api.Reply simplified = api.post("/v1/invoices/simplified", tenant.apiKey(),
                Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));
        assertThat(simplified.status()).isEqualTo(201);
        assertThat(simplified.text("status")).isEqualTo("pending_reporting");
        Api.Reply standard = api.post("/v1/invoices/standard", tenant.apiKey(),
                Tenants.standardInvoice().put("egs_unit_id", unit.toString()));
        assertThat(standard.status()).as(standard.body().toString()).isEqualTo(202);
        assertThat(standard.text("status")).isEqualTo("pending_clearance");

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(events.events("InvoiceSubmissionDelayedEvent", "invoiceId", simplified.text("id"))).isNotEmpty());
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(events.events("InvoiceReportedEvent", "invoiceId", simplified.text("id"))).hasSize(1);
            assertThat(events.events("InvoiceClearedEvent", "invoiceId", standard.text("id"))).hasSize(1);
        });
        JsonNode cleared = events.events("InvoiceClearedEvent", "invoiceId", standard.text("id")).get(0);
        assertThat(cleared.path("clearedXml").asText()).isEqualTo(standard.text("signed_xml"));

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode history = api.get("/v1/invoices/" + simplified.text("id"), tenant.apiKey()).body().path("status_history");
            List<String> steps = history.findValuesAsText("event");
            assertThat(steps.get(0)).isEqualTo("issued");
            assertThat(steps).contains("submission_delayed").last().isEqualTo("reported");
            assertThat(history.get(history.size() - 1).path("status").asText()).isEqualTo("reported");
        });
    }

    @Test
    void anAnswerNoResendFixesEndsTheDocumentAsFailedWithZatcasReason() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");
        int callsBefore = SANDBOX.receivedCalls();
        SANDBOX.faults().failNext(1, 413);

        Api.Reply simplified = api.post("/v1/invoices/simplified", tenant.apiKey(),
                Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.get("/v1/invoices/" + simplified.text("id"), tenant.apiKey()).text("status"))
                        .isEqualTo("failed"));

        JsonNode failed = events.events("InvoiceFailedEvent", "invoiceId", simplified.text("id")).get(0);
        assertThat(failed.path("httpStatus").asInt()).isEqualTo(413);
        assertThat(failed.path("reason").asText()).contains("413");
        assertThat(SANDBOX.receivedCalls() - callsBefore).as("a 413 is not sent again").isEqualTo(1);
        JsonNode history = api.get("/v1/invoices/" + simplified.text("id"), tenant.apiKey()).body().path("status_history");
        assertThat(history.get(history.size() - 1).path("event").asText()).isEqualTo("failed");
        assertThat(jdbc.queryForObject("select count(*) from zatca_work where id = ?::uuid", Integer.class,
                simplified.text("id"))).as("nothing left to send").isZero();
    }

    @Test
    void aResendAfterALostAnswerMeetsZatcasDuplicateAnswerAndSettlesOnce() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");
        // ZATCA records the document, but the answer never arrives (the connection drops after the call)
        SANDBOX.faults().loseAnswersOfNext(2);
        Api.Reply simplified = api.post("/v1/invoices/simplified", tenant.apiKey(),
                Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));
        Api.Reply standard = api.post("/v1/invoices/standard", tenant.apiKey(),
                Tenants.standardInvoice().put("egs_unit_id", unit.toString()));

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(events.events("InvoiceReportedEvent", "invoiceId", simplified.text("id"))).hasSize(1);
            assertThat(events.events("InvoiceClearedEvent", "invoiceId", standard.text("id"))).hasSize(1);
        });
        JsonNode reported = events.events("InvoiceReportedEvent", "invoiceId", simplified.text("id")).get(0);
        JsonNode cleared = events.events("InvoiceClearedEvent", "invoiceId", standard.text("id")).get(0);
        assertThat(reported.path("resent").asBoolean()).as("409 already reported").isTrue();
        assertThat(cleared.path("resent").asBoolean()).as("208 already cleared").isTrue();
        assertThat(cleared.path("clearedXml").asText()).isNotBlank();
    }

    @Test
    void onboardingWaitsThroughAnOutageAndARefusedOtpCanBeReplaced() {
        Tenant tenant = tenants.onboard("sandbox");
        SANDBOX.faults().failFor(Duration.ofSeconds(4), 503);
        UUID waiting = tenants.createUnit(tenant.apiKey(), "simplified");
        tenants.awaitUnitStatus(tenant.apiKey(), waiting, "active");

        Api.Reply wrongOtp = api.post("/v1/egs", tenant.apiKey(), Tenants.unitBody("Till", "both").put("otp", "111111"));
        UUID refused = UUID.fromString(wrongOtp.text("id"));
        tenants.awaitUnitStatus(tenant.apiKey(), refused, "failed");
        JsonNode failure = events.events("EgsOnboardingFailedEvent", "egsUnitId", refused).get(0);
        assertThat(failure.path("messages").findValuesAsText("code")).contains("Invalid-OTP");

        Api.Reply restart = api.post("/v1/egs/" + refused + "/onboarding", tenant.apiKey(), Api.json("otp", "123345"));
        assertThat(restart.status()).as(restart.body().toString()).isEqualTo(202);
        tenants.awaitUnitStatus(tenant.apiKey(), refused, "active");
        assertThat(api.post("/v1/egs/" + refused + "/onboarding", tenant.apiKey(), Api.json("otp", "123345")).code())
                .isEqualTo("EGS_UNIT_ONBOARDING_NOT_FAILED");
    }

    @Test
    void productionUnitsOnlyEverTalkToTheProductionGateway() {
        Tenant tenant = tenants.onboard("production");
        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");
        Api.Reply invoice = api.post("/v1/invoices/standard", tenant.apiKey(),
                Tenants.standardInvoice().put("egs_unit_id", unit.toString()));
        assertThat(invoice.text("status")).isEqualTo("cleared");

        // each simulator is its own CA: the certificate tells which gateway onboarded the unit
        String certificate = events.events("EgsUnitOnboardedEvent", "egsUnitId", unit).get(0).path("certificate").asText();
        X509Certificate issued = Signer.parseCertificate(certificate);
        assertThatCode(() -> issued.verify(PRODUCTION.caCertificate().getPublicKey(), Signer.BC)).doesNotThrowAnyException();
        assertThatThrownBy(() -> issued.verify(SANDBOX.caCertificate().getPublicKey(), Signer.BC))
                .isInstanceOf(java.security.SignatureException.class);
    }

    @Test
    void renewalSwapsKeyAndCertificateWithoutAGapInInvoicing() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = tenants.activeUnit(tenant.apiKey(), "simplified");
        String firstSerial = api.get("/v1/egs/" + unit, tenant.apiKey()).text("certificate_serial");
        Api.Reply before = api.post("/v1/invoices/simplified", tenant.apiKey(),
                Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));

        Api.Reply renewal = api.post("/v1/egs/" + unit + "/renew", tenant.apiKey(), Api.json("otp", "123345"));
        assertThat(renewal.status()).as(renewal.body().toString()).isEqualTo(202);
        assertThat(renewal.text("certificate_renewal")).isEqualTo("pending");
        String newSerial = awaitRenewedCertificate(tenant, unit, firstSerial);

        Api.Reply after = api.post("/v1/invoices/simplified", tenant.apiKey(),
                Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));
        assertThat(after.body().path("icv").asLong()).isEqualTo(before.body().path("icv").asLong() + 1);
        assertThat(signingCertificateSerial(after)).isEqualTo(newSerial);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(events.events("InvoiceReportedEvent", "invoiceId", after.text("id"))).hasSize(1));
        assertThat(events.events("EgsCertificateRenewalRequestedEvent", "egsUnitId", unit.toString()).get(0).toString())
                .as("the OTP stays out of events").doesNotContain("123345");

        assertThat(api.post("/v1/egs/" + unit + "/renew", tenant.apiKey(), Api.json("otp", "12")).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(api.send("POST", "/v1/egs/" + unit + "/renew", tenants.onboard("sandbox").apiKey(),
                Api.json("otp", "123345"), Map.of()).code()).isEqualTo("EGS_UNIT_NOT_FOUND");
    }

    @Test
    void aRenewalThatCouldNotBeRecordedIsCompletedWithoutAskingZatcaAgain() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = tenants.activeUnit(tenant.apiKey(), "simplified");
        String firstSerial = api.get("/v1/egs/" + unit, tenant.apiKey()).text("certificate_serial");
        // as when the process stops (or the database goes away) right after ZATCA answered the renewal
        AtomicInteger refusedRecordings = new AtomicInteger();
        Registration failFirstRecording = commandBus.registerDispatchInterceptor(messages -> (index, message) -> {
            if (message.getPayload() instanceof RecordProductionCsidCommand && refusedRecordings.getAndIncrement() == 0) {
                throw new IllegalStateException("the database went away");
            }
            return message;
        });
        try {
            int callsBefore = SANDBOX.receivedCalls();
            api.post("/v1/egs/" + unit + "/renew", tenant.apiKey(), Api.json("otp", "123345"));
            String newSerial = awaitRenewedCertificate(tenant, unit, firstSerial);

            assertThat(refusedRecordings.get()).as("the first recording failed, the second went through").isEqualTo(2);
            assertThat(SANDBOX.receivedCalls() - callsBefore)
                    .as("ZATCA was asked once per OTP (plus the compliance steps a 428 asks for), not again on the retry")
                    .isEqualTo(renewalCalls());
            Api.Reply invoice = api.post("/v1/invoices/simplified", tenant.apiKey(),
                    Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));
            assertThat(signingCertificateSerial(invoice)).isEqualTo(newSerial);
        } finally {
            failFirstRecording.cancel();
        }
    }

    /**
     * ZATCA's calls for one renewal of a simplified-only unit: the renewal (answered 428, as ZATCA normally
     * does), a compliance check of each of the three simplified kinds, and the production CSID.
     */
    private static int renewalCalls() {
        return 1 + 3 + 1;
    }

    private String awaitRenewedCertificate(Tenant tenant, UUID unit, String previousSerial) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.Reply view = api.get("/v1/egs/" + unit, tenant.apiKey());
            assertThat(view.text("certificate_serial")).isNotEqualTo(previousSerial);
            assertThat(view.body().path("certificate_renewal").isNull()).as(view.body().toString()).isTrue();
        });
        return api.get("/v1/egs/" + unit, tenant.apiKey()).text("certificate_serial");
    }

    private static String signingCertificateSerial(Api.Reply invoice) {
        String certificate = new String(Base64.getDecoder().decode(invoice.text("signed_xml")))
                .replaceAll("(?s).*<ds:X509Certificate>([^<]+)</ds:X509Certificate>.*", "$1");
        return Signer.parseCertificate(certificate).getSerialNumber().toString();
    }
}
