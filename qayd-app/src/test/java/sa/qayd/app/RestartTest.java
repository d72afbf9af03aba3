package sa.qayd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import sa.qayd.app.Tenants.Tenant;
import sa.qayd.zatca.simulator.FatooraSimulator;

/** The embedded database lives in a data directory that outlives the process. */
class RestartTest {

    @Test
    void aRestartKeepsAccountsKeysUnitsAndTheInvoiceSequence(@TempDir Path dataDir) {
        String dataDirProperty = "qayd.data-dir=" + dataDir;
        Tenant tenant;
        UUID unit;
        try (ConfigurableApplicationContext first = Nodes.start(dataDirProperty)) {
            Api api = new Api(Nodes.port(first));
            Tenants tenants = new Tenants(api);
            tenant = tenants.onboard("sandbox");
            unit = tenants.activeUnit(tenant.apiKey(), "both");
            Api.Reply invoice = api.post("/v1/invoices/simplified", tenant.apiKey(),
                    Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));
            assertThat(invoice.body().path("icv").asLong()).isEqualTo(1);
        }

        try (ConfigurableApplicationContext second = Nodes.start(dataDirProperty)) {
            Api api = new Api(Nodes.port(second));
            assertThat(api.get("/v1/api-keys", tenant.apiKey()).status()).isEqualTo(200);
            new Tenants(api).awaitUnitStatus(tenant.apiKey(), unit, "active");
            Api.Reply invoice = api.post("/v1/invoices/simplified", tenant.apiKey(),
                    Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));
            assertThat(invoice.status()).isEqualTo(201);
            assertThat(invoice.body().path("icv").asLong()).isEqualTo(2);
            assertThat(api.post("/v1/session", null, Api.json("email", tenant.email(), "password", tenant.password())).status())
                    .isEqualTo(200);
        }
    }

    /**
     * A restart while ZATCA is down: the unit still onboarding and the document still waiting for
     * reporting carry on in the next process, from the sagas and deadlines stored in PostgreSQL.
     */
    @Test
    void onboardingAndSubmissionSurviveARestartDuringAnOutage(@TempDir Path dataDir) {
        FatooraSimulator gateway = LocalGateways.SHARED_SANDBOX;
        String[] properties = {"qayd.data-dir=" + dataDir, LocalGateways.sharedSandboxProperty(),
                // pauses of 2 to 4 s: the next retries fall due while no process runs, and must fire in the
                // next one once it is up (a deadline run before Axon is ready is only retried 5 minutes later)
                "qayd.zatca.retry.max-attempts=1", "qayd.submission.retry-initial=PT4S", "qayd.submission.retry-max=PT4S",
                "qayd.onboarding.retry-initial=PT4S", "qayd.onboarding.retry-max=PT4S"};
        Tenant tenant;
        UUID onboarding;
        UUID active;
        String pendingInvoice;
        try (ConfigurableApplicationContext first = Nodes.start(properties)) {
            Api api = new Api(Nodes.port(first));
            Tenants tenants = new Tenants(api);
            tenant = tenants.onboard("sandbox");
            active = tenants.activeUnit(tenant.apiKey(), "both");
            gateway.faults().failFor(Duration.ofMinutes(5), 503);
            onboarding = tenants.createUnit(tenant.apiKey(), "simplified");
            Api.Reply invoice = api.post("/v1/invoices/simplified", tenant.apiKey(),
                    Tenants.simplifiedInvoice().put("egs_unit_id", active.toString()));
            assertThat(invoice.text("status")).isEqualTo("pending_reporting");
            pendingInvoice = invoice.text("id");
            EventLog events = new EventLog(first.getBean(JdbcTemplate.class));
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(events.events("InvoiceSubmissionDelayedEvent", "invoiceId", pendingInvoice)).isNotEmpty());
        } finally {
            gateway.faults().clear();
        }
        try (ConfigurableApplicationContext second = Nodes.start(properties)) {
            Api api = new Api(Nodes.port(second));
            new Tenants(api).awaitUnitStatus(tenant.apiKey(), onboarding, "active");
            EventLog events = new EventLog(second.getBean(JdbcTemplate.class));
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(events.events("InvoiceReportedEvent", "invoiceId", pendingInvoice)).hasSize(1));
        }
    }
}
