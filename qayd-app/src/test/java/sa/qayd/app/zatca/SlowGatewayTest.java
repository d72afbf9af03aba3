package sa.qayd.app.zatca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.qayd.app.Api;
import sa.qayd.app.EventLog;
import sa.qayd.app.LocalGateways;
import sa.qayd.app.QaydApplication;
import sa.qayd.app.ServiceTest;
import sa.qayd.app.Tenants;
import sa.qayd.app.Tenants.Tenant;
import sa.qayd.zatca.simulator.FatooraSimulator;
import sa.qayd.zatca.simulator.SimulatorSettings;

/**
 * ZATCA taking seconds per call holds up nothing that does not need its answer: calls run outside the
 * units' locks and transactions, and clearance (somebody waits) has a lane of its own, so a backlog of
 * reports never queues it. Reporting is limited to a few calls in flight here to make the backlog long.
 */
@SpringBootTest(classes = QaydApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qayd.data-dir=", "qayd.zatca.work.background-concurrency=2", "qayd.submission.clearance-wait=PT8S"})
class SlowGatewayTest extends ServiceTest {
    static final FatooraSimulator SANDBOX = LocalGateways.start(SimulatorSettings.DEVELOPER_PORTAL_BASE_PATH);
    static final Duration SLOW = Duration.ofSeconds(2);
    static final int REPORTS = 8;

    @DynamicPropertySource
    static void gateways(DynamicPropertyRegistry properties) {
        properties.add("qayd.zatca.sandbox.base-url", () -> SANDBOX.baseUri().toString());
    }

    @Autowired
    JdbcTemplate jdbc;
    EventLog events;

    @BeforeEach
    void readEvents() {
        events = new EventLog(jdbc);
    }

    @AfterEach
    void heal() {
        SANDBOX.faults().clear();
    }

    @Test
    void aSlowGatewayDelaysNeitherIssuingNorAnotherCallersClearanceNorIssuingDuringARenewal() {
        Tenant retailer = tenants.onboard("sandbox");
        UUID till = tenants.activeUnit(retailer.apiKey(), "both");
        Tenant wholesaler = tenants.onboard("sandbox");
        UUID office = tenants.activeUnit(wholesaler.apiKey(), "both");
        SANDBOX.faults().delayNext(1000, SLOW);

        List<String> reported = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            reported.add(issue(retailer, till).text("id"));
        }
        // two reports at a time, two seconds each: the backlog needs about eight seconds
        Api.Reply cleared = api.post("/v1/invoices/standard", wholesaler.apiKey(),
                Tenants.standardInvoice().put("egs_unit_id", office.toString()));
        assertThat(cleared.status()).as(cleared.body().toString()).isEqualTo(201);
        assertThat(cleared.text("status")).isEqualTo("cleared");
        assertThat(reportedSoFar(reported)).as("the clearance did not wait for the reports queued before it")
                .isLessThan(REPORTS);

        Api.Reply renewal = api.post("/v1/egs/" + till + "/renew", retailer.apiKey(), Api.json("otp", "123345"));
        assertThat(renewal.status()).isEqualTo(202);
        Api.Reply duringRenewal = issue(retailer, till);
        assertThat(duringRenewal.body().path("icv").asLong()).isEqualTo(REPORTS + 1);
        assertThat(reportedSoFar(reported)).as("issuing on the unit did not wait for its reports").isLessThan(REPORTS);

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(events.events("EgsCertificateRenewedEvent", "egsUnitId", till)).hasSize(1));
        Instant renewedAt = Instant.parse(events.events("EgsCertificateRenewedEvent", "egsUnitId", till).get(0)
                .path("renewedAt").asText());
        assertThat(Instant.parse(duringRenewal.text("issued_at"))).as("issued while the renewal was with ZATCA")
                .isBefore(renewedAt);

        reported.add(duringRenewal.text("id"));
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(reportedSoFar(reported)).isEqualTo(REPORTS + 1));
    }

    private Api.Reply issue(Tenant tenant, UUID unit) {
        Api.Reply reply = api.post("/v1/invoices/simplified", tenant.apiKey(),
                Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply;
    }

    private long reportedSoFar(List<String> invoiceIds) {
        return invoiceIds.stream().filter(id -> !events.events("InvoiceReportedEvent", "invoiceId", id).isEmpty()).count();
    }
}
