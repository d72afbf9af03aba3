package sa.qayd.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** V23 moves each invoice's status history into its invoice_view row: nothing lost, order kept. */
class StatusHistoryMigrationTest {

    @Test
    void theStepsOfEveryInvoiceMoveIntoItsRowInTheirOrder() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            migrate(dataSource, "22");
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            UUID reported = UUID.randomUUID();
            UUID pending = UUID.randomUUID();
            UUID withoutSteps = UUID.randomUUID();
            List.of(reported, pending, withoutSteps).forEach(invoice -> jdbc.update("""
                    insert into invoice_view (invoice_id, account_id, egs_unit_id, environment, kind, document_type,
                        invoice_number, issue_date, uuid, icv, previous_invoice_hash, invoice_hash, qr_code, status,
                        currency, line_extension, allowance_total, tax_exclusive, tax_total, tax_inclusive, payable,
                        zatca_messages, submission_attempts, issued_at, status_changed_at)
                    values (?, gen_random_uuid(), gen_random_uuid(), 'SANDBOX', 'SIMPLIFIED', 'INVOICE', 'INV-1',
                        '2026-11-26', gen_random_uuid(), 1, 'pih', 'hash', 'qr', 'PENDING_REPORTING', 'SAR', 100, 0, 100,
                        15, 115, 115, '[]', 0, now(), now())""", invoice));
            // stored out of order on purpose: the history is read in time order
            step(jdbc, "e3", reported, "reported", "REPORTED", null, "2026-11-26T10:00:09Z");
            step(jdbc, "e1", reported, "issued", "PENDING_REPORTING", "ICV 1", "2026-11-26T10:00:00Z");
            step(jdbc, "e2", reported, "submission_delayed", "PENDING_REPORTING", "attempt 1: 503", "2026-11-26T10:00:05Z");
            step(jdbc, "e4", pending, "issued", "PENDING_REPORTING", "ICV 2", "2026-11-26T11:00:00Z");

            migrate(dataSource, "23");

            assertThat(steps(jdbc, reported)).containsExactly(
                    Map.of("event_id", "e1", "event", "issued", "status", "PENDING_REPORTING", "detail", "ICV 1",
                            "at", "2026-11-26T10:00:00+00:00"),
                    Map.of("event_id", "e2", "event", "submission_delayed", "status", "PENDING_REPORTING",
                            "detail", "attempt 1: 503", "at", "2026-11-26T10:00:05+00:00"),
                    Map.of("event_id", "e3", "event", "reported", "status", "REPORTED", "detail", "",
                            "at", "2026-11-26T10:00:09+00:00"));
            assertThat(jdbc.queryForList("""
                    select step ->> 'at' from invoice_view, jsonb_array_elements(status_history) with ordinality as s (step, n)
                    where invoice_id = ? order by n""", String.class, reported))
                    .as("times the read side parses as ISO-8601 with an offset")
                    .extracting(at -> OffsetDateTime.parse(at).toInstant())
                    .containsExactly(Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T10:00:05Z"),
                            Instant.parse("2026-11-26T10:00:09Z"));
            assertThat(steps(jdbc, pending)).extracting(step -> step.get("event_id")).containsExactly("e4");
            assertThat(steps(jdbc, withoutSteps)).isEmpty();
            assertThat(jdbc.queryForObject("select to_regclass('invoice_status_history') is null", Boolean.class)).isTrue();
        }
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load().migrate();
    }

    private static void step(JdbcTemplate jdbc, String eventId, UUID invoice, String event, String status, String detail,
                             String at) {
        jdbc.update("insert into invoice_status_history (event_id, invoice_id, event, status, detail, at) values (?, ?, ?, ?, ?, ?::timestamptz)",
                eventId, invoice, event, status, detail, at);
    }

    /** The steps as text, the way the read side takes them apart. */
    private static List<Map<String, String>> steps(JdbcTemplate jdbc, UUID invoice) {
        return jdbc.query("""
                select step ->> 'event_id' as event_id, step ->> 'event' as event, step ->> 'status' as status,
                       coalesce(step ->> 'detail', '') as detail, to_char((step ->> 'at')::timestamptz at time zone 'UTC',
                       'YYYY-MM-DD"T"HH24:MI:SS"+00:00"') as at
                from invoice_view, jsonb_array_elements(status_history) with ordinality as steps (step, position)
                where invoice_id = ? order by position""",
                (rs, row) -> Map.of("event_id", rs.getString("event_id"), "event", rs.getString("event"),
                        "status", rs.getString("status"), "detail", rs.getString("detail"), "at", rs.getString("at")),
                invoice);
    }
}
