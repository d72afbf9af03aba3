package sa.qayd.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import sa.qayd.app.Tenants.Tenant;

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
}
