package sa.qayd.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import sa.qayd.app.Tenants.Tenant;
import sa.qayd.platform.secret.MasterKey;
import sa.qayd.command.zatca.ZatcaWorker;

/**
 * The docker-compose topology without Docker: one PostgreSQL, two service replicas on loopback.
 * Tracking processors split their segments through the shared token store, and a unit's numbering
 * stays gap-free while both replicas issue on it at once, and both replicas' ZATCA workers share the
 * submission work without sending any document twice. When one stops, the other carries on.
 */
class ReplicasTest {

    private static JdbcTemplate jdbc(ConfigurableApplicationContext node) {
        return node.getBean(JdbcTemplate.class);
    }

    @Test
    void twoReplicasShareOneDatabaseAndTakeOverEachOthersSegments() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres");
            String masterKey = "qayd.master-key=" + MasterKey.newBase64();
            String gateway = LocalGateways.sharedSandboxProperty();
            // node A works one segment at most, so node B must claim the other through the token store
            try (ConfigurableApplicationContext nodeA = Nodes.start(url, masterKey, gateway,
                        "axon.eventhandling.processors.egs-units.thread-count=1");
                 ConfigurableApplicationContext nodeB = Nodes.start(url, masterKey, gateway)) {
                Api a = new Api(Nodes.port(nodeA));
                Api b = new Api(Nodes.port(nodeB));
                Tenant tenant = new Tenants(a).onboard("sandbox");
                assertThat(b.get("/v1/api-keys", tenant.apiKey()).status()).isEqualTo(200);

                UUID unit = new Tenants(b).activeUnit(tenant.apiKey(), "both");
                new Tenants(b).awaitUnitStatus(tenant.apiKey(), unit, "active");

                ExecutorService clients = Executors.newFixedThreadPool(8);
                List<Future<Api.Reply>> replies = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    Api node = i % 2 == 0 ? a : b;
                    Callable<Api.Reply> issue = () -> node.post("/v1/invoices/simplified", tenant.apiKey(),
                            Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));
                    replies.add(clients.submit(issue));
                }
                List<Long> numbers = new ArrayList<>();
                for (Future<Api.Reply> reply : replies) {
                    assertThat(reply.get().status()).as(reply.get().body().toString()).isEqualTo(201);
                    numbers.add(reply.get().body().path("icv").asLong());
                }
                clients.shutdown();
                assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, 16).boxed().toList());

                // ZATCA's work is shared too: every replica's worker claims due documents from the one queue
                Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(jdbc(nodeA).queryForObject("select count(*) from zatca_work", Integer.class)).isZero());
                assertThat(nodeA.getBean(ZatcaWorker.class).settled()).as("replica A's worker").isPositive();
                assertThat(nodeB.getBean(ZatcaWorker.class).settled()).as("replica B's worker").isPositive();
                assertThat(jdbc(nodeA).queryForObject("select count(*) from domain_event_entry where payload_type = ?",
                        Integer.class, "sa.qayd.api.invoice.InvoiceReportedEvent")).as("each document reported once")
                        .isEqualTo(16);

                List<String> owners = jdbc(nodeA).queryForList(
                        "select owner from token_entry where processor_name = 'egs-units' order by segment", String.class);
                assertThat(owners).hasSize(2).doesNotContainNull();
                assertThat(owners.get(0)).isNotEqualTo(owners.get(1));

                nodeA.close();
                UUID afterFailover = new Tenants(b).createUnit(tenant.apiKey(), "simplified");
                // readable through the surviving replica (and onboarded by it: the unit's ZATCA work is its now)
                new Tenants(b).awaitUnitStatus(tenant.apiKey(), afterFailover, "active");
                Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc(nodeB).queryForList(
                        "select owner from token_entry where processor_name = 'egs-units'", String.class))
                        .containsOnly(owners.get(1)));
            }
        }
    }
}
