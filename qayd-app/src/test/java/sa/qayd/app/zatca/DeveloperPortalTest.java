package sa.qayd.app.zatca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.qayd.app.Api;
import sa.qayd.app.EventLog;
import sa.qayd.app.QaydApplication;
import sa.qayd.app.ServiceTest;
import sa.qayd.app.Tenants;
import sa.qayd.app.Tenants.Tenant;
import sa.qayd.zatca.sdk.SdkIdentity;
import sa.qayd.zatca.simulator.FatooraSimulator;
import sa.qayd.zatca.simulator.GatewayMode;
import sa.qayd.zatca.simulator.SimulatorSettings;
import sa.qayd.zatca.verify.InvoiceVerifier;

/**
 * Against a gateway that answers as ZATCA's developer portal does: every unit's production CSID is the
 * SDK's one test certificate, so Qayd signs its documents with the SDK's published key, and the portal
 * takes no other VAT number than the certificate's.
 */
@SpringBootTest(classes = QaydApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qayd.data-dir=", "qayd.zatca.sandbox.gateway=developer-portal"})
class DeveloperPortalTest extends ServiceTest {
    static final FatooraSimulator PORTAL = start();

    static FatooraSimulator start() {
        try {
            return FatooraSimulator.start(SimulatorSettings.defaults()
                    .withBasePath(SimulatorSettings.DEVELOPER_PORTAL_BASE_PATH).withMode(GatewayMode.DEVELOPER_PORTAL));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void gateways(DynamicPropertyRegistry properties) {
        properties.add("qayd.zatca.sandbox.base-url", () -> PORTAL.baseUri().toString());
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aUnitOnboardedOnThePortalReportsAndClearsSignedWithTheSdkKey() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");
        assertThat(api.get("/v1/egs/" + unit, tenant.apiKey()).text("certificate_serial"))
                .isEqualTo(SdkIdentity.certificate().getSerialNumber().toString());

        Api.Reply standard = api.post("/v1/invoices/standard", tenant.apiKey(),
                Tenants.standardInvoice().put("egs_unit_id", unit.toString()));
        assertThat(standard.status()).as(standard.body().toString()).isEqualTo(201);
        assertThat(standard.text("status")).isEqualTo("cleared");
        byte[] signed = Base64.getDecoder().decode(standard.text("signed_xml"));
        assertThat(new String(signed)).contains(SdkIdentity.certificateBody());
        assertThat(InvoiceVerifier.verify(signed).problems()).isEmpty();

        String simplified = api.post("/v1/invoices/simplified", tenant.apiKey(),
                Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString())).text("id");
        EventLog events = new EventLog(jdbc);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(events.events("InvoiceReportedEvent", "invoiceId", simplified)).hasSize(1));
        assertThat(events.events("InvoiceReportedEvent", "invoiceId", simplified).get(0).path("warnings")).isEmpty();
    }

    @Test
    void aUnitWithAnotherVatNumberIsRefusedAtRegistrationNamingTheSimulationGateway() {
        Tenant tenant = tenants.onboard("sandbox");
        Api.Reply refused = api.post("/v1/egs", tenant.apiKey(),
                Tenants.unitBody("Branch till", "both").put("vat_number", "310122393500003"));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("EGS_UNIT_VAT_NUMBER_NOT_ACCEPTED");
        assertThat(refused.text("detail")).contains("399999999900003").contains("simulation");
        assertThat(api.get("/v1/egs", tenant.apiKey()).body().path("data")).as("nothing stored").isEmpty();
    }
}
