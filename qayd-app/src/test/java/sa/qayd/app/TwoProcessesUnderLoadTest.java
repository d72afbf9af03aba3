package sa.qayd.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import sa.qayd.app.Tenants.Tenant;

/**
 * Two service processes on one PostgreSQL under concurrent load on one EGS unit: sixteen clients
 * send to both processes at once, each process groups its callers into shared commits and caches
 * the unit, and the processes race each other for the unit's next ICV all the time. Every document
 * is still answered 201, the unit's chain is whole and in order (ICVs 1..n, each PIH the hash of the
 * document before), and both processes' workers report them, each once.
 */
class TwoProcessesUnderLoadTest {
    private static final String ADMIN_TOKEN = "two-processes-under-load";
    private static final int CLIENTS = 16;
    private static final int DOCUMENTS = 128;

    @Test
    void oneUnitsChainStaysWholeAndInOrderWhileBothProcessesIssueOnItAtOnce() throws Exception {
        try (ProcessPair replicas = ProcessPair.start("qayd-two-processes-load", Duration.ofMillis(100), ADMIN_TOKEN)) {
            Api a = replicas.a;
            Api b = replicas.b;
            Tenant tenant = new Tenants(a).onboard("sandbox");
            UUID unit = new Tenants(b).activeUnit(tenant.apiKey(), "simplified");

            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                Api process = i % 2 == 0 ? a : b;
                replies.add(clients.submit(() -> process.post("/v1/invoices/simplified", tenant.apiKey(),
                        Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()))));
            }
            List<JsonNode> issued = new ArrayList<>();
            for (Future<Api.Reply> reply : replies) {
                assertThat(reply.get().status()).as(reply.get().body().toString()).isEqualTo(201);
                issued.add(reply.get().body());
            }
            clients.shutdown();
            Chains.assertWholeChain(issued);

            Awaitility.await().atMost(Duration.ofSeconds(180)).untilAsserted(() ->
                    assertThat(reported(a, tenant)).isEqualTo(DOCUMENTS));
            assertThat(replicas.settledBy(a)).as("the first process's worker").isPositive();
            assertThat(replicas.settledBy(b)).as("the second process's worker").isPositive();
            assertThat(replicas.zatca.receivedCalls()).as("onboarding's calls and one report per document, no resend")
                    .isLessThanOrEqualTo(DOCUMENTS + 8);
        }
    }

    private static int reported(Api replica, Tenant tenant) {
        int count = 0;
        String cursor = null;
        do {
            JsonNode page = replica.get("/v1/invoices?status=reported&limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
                    tenant.apiKey()).body();
            count += page.path("data").size();
            cursor = page.path("next_cursor").isTextual() ? page.path("next_cursor").asText() : null;
        } while (cursor != null);
        return count;
    }
}
