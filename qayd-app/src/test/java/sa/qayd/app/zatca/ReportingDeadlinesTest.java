package sa.qayd.app.zatca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
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
 * A simplified document must be reported within 24 hours. Through a long outage it turns
 * {@code reporting_deadline_near}, then {@code reporting_overdue}, each once, while Qayd keeps sending
 * it; it is reported when ZATCA is back. The service's clock is moved forward instead of waiting a day.
 */
@SpringBootTest(classes = {QaydApplication.class, ReportingDeadlinesTest.MovableClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qayd.data-dir=", "qayd.submission.retry-initial=PT1S", "qayd.submission.retry-max=PT2S",
                "qayd.zatca.retry.max-attempts=1", "qayd.zatca.work.deadline-scan=PT0.5S",
                "qayd.zatca.circuit-breaker.open-duration=PT1S"})
class ReportingDeadlinesTest extends ServiceTest {
    static final FatooraSimulator SANDBOX = LocalGateways.start(SimulatorSettings.DEVELOPER_PORTAL_BASE_PATH);
    static final AtomicReference<Duration> AHEAD = new AtomicReference<>(Duration.ZERO);

    @DynamicPropertySource
    static void gateways(DynamicPropertyRegistry properties) {
        properties.add("qayd.zatca.sandbox.base-url", () -> SANDBOX.baseUri().toString());
    }

    /** The system clock, moved forward by the test. */
    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        Clock movableClock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return Clock.offset(Clock.system(zone), AHEAD.get());
                }

                @Override
                public Instant instant() {
                    return Instant.now().plus(AHEAD.get());
                }
            };
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void heal() {
        SANDBOX.faults().clear();
    }

    @Test
    void anUnreportedDocumentIsFlaggedNearItsDeadlineThenOverdueAndStillReported() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = tenants.activeUnit(tenant.apiKey(), "simplified");
        SANDBOX.faults().failFor(Duration.ofHours(1), 503);
        String id = api.post("/v1/invoices/simplified", tenant.apiKey(),
                Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString())).text("id");
        EventLog events = new EventLog(jdbc);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(events.events("InvoiceSubmissionDelayedEvent", "invoiceId", id)).hasSize(1));

        AHEAD.set(Duration.ofHours(21));
        awaitStatus(tenant, id, "reporting_deadline_near");
        AHEAD.set(Duration.ofHours(25));
        awaitStatus(tenant, id, "reporting_overdue");
        assertThat(events.events("InvoiceReportingOverdueEvent", "invoiceId", id)).hasSize(1);
        assertThat(events.events("InvoiceSubmissionDelayedEvent", "invoiceId", id))
                .as("retries through the outage are the worker's count, not events").hasSize(1);

        SANDBOX.faults().clear();
        awaitStatus(tenant, id, "reported");
        List<String> steps = api.get("/v1/invoices/" + id, tenant.apiKey()).body().path("status_history")
                .findValuesAsText("event");
        assertThat(steps).containsSubsequence("issued", "submission_delayed", "reporting_deadline_near",
                "reporting_overdue", "reported");
        assertThat(events.events("InvoiceReportingOverdueEvent", "invoiceId", id)).hasSize(1);
    }

    private void awaitStatus(Tenant tenant, String invoiceId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.Reply invoice = api.get("/v1/invoices/" + invoiceId, tenant.apiKey());
            assertThat(invoice.text("status")).as(invoice.body().toString()).isEqualTo(status);
        });
    }
}
