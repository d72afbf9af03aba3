package sa.qayd.app.zatca;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import sa.qayd.app.Api;
import sa.qayd.app.ProcessPair;
import sa.qayd.app.Tenants;
import sa.qayd.app.Tenants.Tenant;
import sa.qayd.zatca.simulator.FatooraSimulator;

/**
 * Two service processes on one PostgreSQL, as two replicas run: the ZATCA work of documents issued
 * through either is shared by both processes' workers, each document is reported once, and one unit's
 * chain stays gap-free although both number on it.
 */
class TwoProcessesTest {
    private static final String ADMIN_TOKEN = "two-processes-admin-token";
    private static final int DOCUMENTS = 40;

    @Test
    void bothProcessesShareTheSubmissionWorkAndReportEachDocumentOnce() throws Exception {
        try (ProcessPair replicas = ProcessPair.start("qayd-two-processes", Duration.ofMillis(200), ADMIN_TOKEN)) {
            FatooraSimulator zatca = replicas.zatca;
            Api a = replicas.a;
            Api b = replicas.b;
            Tenant tenant = new Tenants(a).onboard("sandbox");
            UUID unit = new Tenants(b).activeUnit(tenant.apiKey(), "both");

            List<String> issued = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                Api.Reply reply = (i % 2 == 0 ? a : b).post("/v1/invoices/simplified", tenant.apiKey(),
                        Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));
                assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
                issued.add(reply.text("id"));
            }
            Awaitility.await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                    assertThat(a.get("/v1/invoices?status=reported&limit=100", tenant.apiKey()).body().path("data"))
                            .hasSize(DOCUMENTS));

            assertThat(replicas.settledBy(a)).as("the first process's worker").isPositive();
            assertThat(replicas.settledBy(b)).as("the second process's worker").isPositive();
            JsonNode all = a.get("/v1/invoices?limit=100", tenant.apiKey()).body().path("data");
            assertThat(all.findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(issued);
            assertThat(all.findValues("icv").stream().map(JsonNode::asLong).sorted().toList())
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(1, DOCUMENTS).boxed().toList());
            assertThat(zatca.receivedCalls()).as("onboarding's calls and one report per document, no resend")
                    .isLessThanOrEqualTo(DOCUMENTS + 8);
        }
    }
}
