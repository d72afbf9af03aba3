package sa.qayd.command.zatca;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.qayd.api.Actor;
import sa.qayd.api.invoice.RecordSubmissionAnswerCommand;
import sa.qayd.api.invoice.SubmissionAnswer;
import sa.qayd.api.invoice.SubmissionAnswer.Channel;
import sa.qayd.api.invoice.SubmissionAnswer.Verdict;
import sa.qayd.app.Api;
import sa.qayd.app.LocalGateways;
import sa.qayd.app.QaydApplication;
import sa.qayd.app.ServiceTest;
import sa.qayd.app.Tenants;
import sa.qayd.app.Tenants.Tenant;
import sa.qayd.zatca.simulator.FatooraSimulator;
import sa.qayd.zatca.simulator.SimulatorSettings;

/**
 * ZATCA's answers recorded several in one transaction, on the real command bus and PostgreSQL: the
 * events of a round share their transaction (PostgreSQL's {@code xmin}), the work rows go in it too,
 * and a command that fails in a round costs the others nothing.
 */
@SpringBootTest(classes = QaydApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qayd.data-dir=", "qayd.zatca.retry.max-attempts=1"})
class AnswerRoundsTest extends ServiceTest {
    static final FatooraSimulator SANDBOX = LocalGateways.start(SimulatorSettings.DEVELOPER_PORTAL_BASE_PATH);

    @DynamicPropertySource
    static void gateways(DynamicPropertyRegistry properties) {
        properties.add("qayd.zatca.sandbox.base-url", () -> SANDBOX.baseUri().toString());
        LocalGateways.register(properties);
    }

    @Autowired
    AnswerRounds answers;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void healGateway() {
        SANDBOX.faults().clear();
    }

    @Test
    void aRoundOfAnswersIsOneTransactionAndAFailingAnswerCostsTheOthersNothing() {
        Tenant tenant = tenants.onboard("sandbox");
        UUID unit = tenants.activeUnit(tenant.apiKey(), "both");
        // ZATCA is down: the worker records each document's first delay and then only counts its attempts
        SANDBOX.faults().failFor(Duration.ofMinutes(5), 503);
        List<UUID> invoices = java.util.stream.IntStream.range(0, 4).mapToObj(i -> issue(tenant, unit)).toList();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                invoices.forEach(invoice -> assertThat(count(invoice, "InvoiceSubmissionDelayedEvent")).isEqualTo(1)));

        List<AnswerRounds.Recorded> together = answers.record(invoices.subList(0, 3).stream().map(AnswerRoundsTest::reported).toList());
        assertThat(together).allSatisfy(recorded -> {
            assertThat(recorded.failure()).isNull();
            assertThat(recorded.result()).isEqualTo(true);
        });
        List<Long> transactions = jdbc.queryForList("""
                select distinct xmin::text::bigint from domain_event_entry
                where payload_type like '%.InvoiceReportedEvent' and aggregate_identifier in (?, ?, ?)""", Long.class,
                invoices.get(0).toString(), invoices.get(1).toString(), invoices.get(2).toString());
        assertThat(transactions).as("the reported events of one round").hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from zatca_work where id in (?, ?, ?)", Long.class,
                invoices.get(0), invoices.get(1), invoices.get(2))).isZero();

        UUID unknown = UUID.randomUUID();
        List<AnswerRounds.Recorded> mixed = answers.record(List.of(reported(unknown), reported(invoices.get(3))));
        assertThat(mixed.get(0).failure()).isInstanceOf(AggregateNotFoundException.class);
        assertThat(mixed.get(1).failure()).isNull();
        assertThat(mixed.get(1).result()).isEqualTo(true);
        assertThat(count(invoices.get(3), "InvoiceReportedEvent")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, unknown.toString())).isZero();

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> invoices.forEach(invoice ->
                assertThat(api.get("/v1/invoices/" + invoice, tenant.apiKey()).text("status")).isEqualTo("reported")));
    }

    private UUID issue(Tenant tenant, UUID unit) {
        Api.Reply issued = api.post("/v1/invoices/simplified", tenant.apiKey(),
                Tenants.simplifiedInvoice().put("egs_unit_id", unit.toString()));
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(201);
        return UUID.fromString(issued.text("id"));
    }

    private long count(UUID invoice, String eventType) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?",
                Long.class, invoice.toString(), "%." + eventType);
    }

    private static CommandMessage<?> reported(UUID invoice) {
        return Actor.ZATCA_WORKER.command(new RecordSubmissionAnswerCommand(invoice,
                new SubmissionAnswer(Channel.REPORTING, Verdict.ACCEPTED, 200, null, List.of(), List.of(), null), null));
    }
}
