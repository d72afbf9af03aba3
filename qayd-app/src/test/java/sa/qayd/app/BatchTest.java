package sa.qayd.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.qayd.app.Tenants.Tenant;

/** {@code POST /v1/invoices/batch} over real HTTP: each document answered on its own, idempotent, in order per unit. */
@SpringBootTest(classes = QaydApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qayd.data-dir=", "qayd.issuing.max-batch-documents=5"})
class BatchTest extends ServiceTest {
    @DynamicPropertySource
    static void gateways(DynamicPropertyRegistry properties) {
        LocalGateways.register(properties);
    }

    @Autowired
    JdbcTemplate jdbc;

    private static ObjectNode document(String type, String key, ObjectNode invoice) {
        ObjectNode document = Api.json("type", type);
        if (key != null) {
            document.put("idempotency_key", key);
        }
        document.set("invoice", invoice);
        return document;
    }

    private static ObjectNode on(UUID unit, ObjectNode invoice) {
        return invoice.put("egs_unit_id", unit.toString());
    }

    private static ObjectNode batch(ObjectNode... documents) {
        ObjectNode batch = Api.json();
        ArrayNode list = batch.putArray("documents");
        for (ObjectNode document : documents) {
            list.add(document);
        }
        return batch;
    }

    private static ObjectNode invalid(UUID unit) {
        ObjectNode body = on(unit, Tenants.simplifiedInvoice());
        ((ObjectNode) body.withArray("lines").get(0)).put("vat_rate", 7);
        return body;
    }

    private int stored(UUID unit) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type = ?",
                Integer.class, unit.toString(), "sa.qayd.api.egs.InvoiceSequencedEvent");
    }

    @Test
    void eachDocumentIsAnsweredOnItsOwnAndTheIssuedOnesAreChainedInTheBatchsOrder() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");
        Api.Reply reply = api.post("/v1/invoices/batch", tenant.apiKey(), batch(
                document("simplified", null, on(unit, Tenants.simplifiedInvoice())),
                document("simplified", null, invalid(unit)),
                document("standard", null, on(unit, Tenants.standardInvoice())),
                document("simplified", null, on(UUID.randomUUID(), Tenants.simplifiedInvoice())),
                document("simplified", null, on(unit, Tenants.simplifiedInvoice()))));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().path("issued").asInt()).isEqualTo(3);
        assertThat(reply.body().path("refused").asInt()).isEqualTo(2);
        JsonNode results = reply.body().path("results");
        List<Integer> statuses = new ArrayList<>();
        results.forEach(result -> statuses.add(result.path("status").asInt()));
        assertThat(statuses).containsExactly(201, 422, 202, 404, 201);
        assertThat(results.get(1).path("problem").path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(results.get(1).path("problem").path("errors").get(0).path("field").asText()).isEqualTo("lines[0].vat_rate");
        assertThat(results.get(3).path("problem").path("code").asText()).isEqualTo("EGS_UNIT_NOT_FOUND");
        assertThat(results.get(3).path("problem").path("type").asText()).isEqualTo("urn:qayd:problem:egs-unit-not-found");

        List<JsonNode> issued = List.of(results.get(0).path("invoice"), results.get(2).path("invoice"), results.get(4).path("invoice"));
        assertThat(issued).extracting(invoice -> invoice.path("icv").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(issued).extracting(invoice -> invoice.path("status").asText())
                .containsExactly("pending_reporting", "pending_clearance", "pending_reporting");
        Chains.assertWholeChain(issued);
        assertThat(stored(unit)).isEqualTo(3);
    }

    @Test
    void documentsOfSeveralUnitsAreNumberedPerUnitInTheBatchsOrder() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID first = tenants.activeUnit(tenant.apiKey(), "simplified");
        UUID second = tenants.activeUnit(tenant.apiKey(), "simplified");
        List<ObjectNode> documents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            documents.add(document("simplified", null, on(i % 2 == 0 ? first : second, Tenants.simplifiedInvoice())));
        }
        JsonNode results = api.post("/v1/invoices/batch", tenant.apiKey(), batch(documents.toArray(ObjectNode[]::new)))
                .body().path("results");
        List<String> units = results.findValues("egs_unit_id").stream().map(JsonNode::asText).toList();
        List<Long> icvs = results.findValues("icv").stream().map(JsonNode::asLong).toList();
        assertThat(units).containsExactly(first.toString(), second.toString(), first.toString(), second.toString(),
                first.toString());
        assertThat(icvs).containsExactly(1L, 1L, 2L, 2L, 3L);
    }

    @Test
    void aRetriedBatchOrOneOfItsDocumentsIsAnsweredAsTheFirstTimeAndIssuesNothingTwice() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = tenants.activeUnit(tenant.apiKey(), "simplified");
        ObjectNode batch = batch(
                document("simplified", "order-1", on(unit, Tenants.simplifiedInvoice())),
                document("simplified", "order-2", invalid(unit)),
                document("simplified", "order-3", on(unit, Tenants.simplifiedInvoice())));
        JsonNode first = api.post("/v1/invoices/batch", tenant.apiKey(), batch).body();
        Api.Reply again = api.post("/v1/invoices/batch", tenant.apiKey(), batch);

        assertThat(again.status()).isEqualTo(200);
        JsonNode replayed = again.body().path("results");
        for (int i = 0; i < 3; i++) {
            assertThat(replayed.get(i).path("replayed").asBoolean()).isTrue();
            assertThat(replayed.get(i).path("status").asInt()).isEqualTo(first.path("results").get(i).path("status").asInt());
            assertThat(replayed.get(i).path("invoice")).isEqualTo(first.path("results").get(i).path("invoice"));
        }
        assertThat(replayed.get(1).path("problem").path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(stored(unit)).isEqualTo(2);

        // one document again, in a new batch beside a new one; the same key with another document is refused
        ObjectNode other = on(unit, Tenants.simplifiedInvoice()).put("note", "another document");
        JsonNode mixed = api.post("/v1/invoices/batch", tenant.apiKey(), batch(
                document("simplified", "order-3", on(unit, Tenants.simplifiedInvoice())),
                document("simplified", "order-4", on(unit, Tenants.simplifiedInvoice())),
                document("simplified", "order-1", other))).body().path("results");
        assertThat(mixed.get(0).path("replayed").asBoolean()).isTrue();
        assertThat(mixed.get(0).path("invoice").path("id")).isEqualTo(first.path("results").get(2).path("invoice").path("id"));
        assertThat(mixed.get(1).path("replayed").asBoolean()).isFalse();
        assertThat(mixed.get(1).path("invoice").path("icv").asLong()).isEqualTo(3);
        assertThat(mixed.get(2).path("status").asInt()).isEqualTo(409);
        assertThat(mixed.get(2).path("problem").path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(stored(unit)).isEqualTo(3);
    }

    @Test
    void aBatchOverTheLimitOrWithAKeyTwiceIsRefusedWholeAndStoresNothing() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = tenants.activeUnit(tenant.apiKey(), "simplified");
        ObjectNode[] six = new ObjectNode[6];
        for (int i = 0; i < six.length; i++) {
            six[i] = document("simplified", null, on(unit, Tenants.simplifiedInvoice()));
        }
        Api.Reply tooMany = api.post("/v1/invoices/batch", tenant.apiKey(), batch(six));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.contentType()).startsWith("application/problem+json");
        assertThat(tooMany.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(tooMany.body().path("errors").get(0).path("field").asText()).isEqualTo("documents");

        Api.Reply keyTwice = api.post("/v1/invoices/batch", tenant.apiKey(), batch(
                document("simplified", "same", on(unit, Tenants.simplifiedInvoice())),
                document("simplified", "same", on(unit, Tenants.simplifiedInvoice()))));
        assertThat(keyTwice.status()).isEqualTo(422);
        assertThat(keyTwice.body().path("errors").get(0).path("field").asText()).isEqualTo("documents[1].idempotency_key");
        assertThat(stored(unit)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from idempotency_record where idempotency_key like 'batch-item:%'"
                + " and scope = ?", Integer.class, "account:" + tenant.accountId())).isZero();
    }
}
