package sa.qayd.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import sa.qayd.app.Api;

/**
 * V40 gives the documents issued before it their invoice numbers (the first user of a number keeps
 * it), and V41 their content and totals, both from their issued events.
 */
class InvoiceContentMigrationTest {
    private static final UUID ACCOUNT = UUID.randomUUID();
    private static final UUID UNIT = UUID.randomUUID();

    @Test
    void documentsIssuedBeforeKeepTheirNumbersContentAndTotals() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            migrate(dataSource, lastVersionBefore(dataSource, "40"));
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            UUID first = UUID.randomUUID();
            UUID sameNumberLater = UUID.randomUUID();
            UUID inProduction = UUID.randomUUID();
            issued(jdbc, 1, first, "SANDBOX", "INV-1");
            issued(jdbc, 2, sameNumberLater, "SANDBOX", "INV-1");
            issued(jdbc, 3, inProduction, "PRODUCTION", "INV-1");
            row(jdbc, first);

            migrate(dataSource, "41");

            assertThat(jdbc.queryForList("""
                    select environment || ' ' || invoice_number || ' ' || invoice_id || ' ' || egs_unit_id || ' ' || icv
                    from invoice_number_claim where account_id = ? order by environment""", String.class, ACCOUNT))
                    .containsExactly("PRODUCTION INV-1 " + inProduction + " " + UNIT + " 3", "SANDBOX INV-1 " + first + " " + UNIT + " 1");
            JsonNode content = Api.JSON.readTree(jdbc.queryForObject("select content::text from invoice_view where invoice_id = ?",
                    String.class, first));
            assertThat(content.path("note").asText()).isEqualTo("Term 1");
            assertThat(content.path("buyer").path("nationalId").asText()).isEqualTo("1234567890");
            assertThat(content.has("lines")).isFalse();
            assertThat(jdbc.queryForMap("""
                    select tax_total_sar, charge_total, prepaid_amount, payable_rounding_amount, exchange_rate
                    from invoice_view where invoice_id = ?""", first).values().stream().map(String::valueOf))
                    .containsExactly("15.00", "0.00", "0.00", "0.00", "null");
        }
    }

    private static void issued(JdbcTemplate jdbc, long position, UUID invoice, String environment, String number) {
        String payload = """
                {"invoiceId":"%s","egsUnitId":"%s","accountId":"%s","environment":"%s","kind":"SIMPLIFIED","documentType":"INVOICE",
                 "invoiceNumber":"%s","icv":%d,"amounts":{"currency":"SAR","taxTotal":15.00},
                 "draft":{"invoiceNumber":"%s","issueDate":"2025-11-02","issueTime":"10:15:00","currency":"SAR",
                          "buyer":{"name":"محمد","vatNumber":null,"nationalId":"1234567890","address":null},
                          "lines":[{"name":"Tuition","quantity":1,"unitPrice":100.00,"vatCategory":"S","vatRate":15}],
                          "paymentMeansCode":"10","note":"Term 1","amendment":null}}"""
                .formatted(invoice, UNIT, ACCOUNT, environment, number, position, number);
        jdbc.update("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    payload, payload_type, time_stamp)
                values (?, ?, 0, 'Invoice', ?, ?, 'sa.qayd.api.invoice.InvoiceIssuedEvent', '2025-11-02T07:15:01Z')""",
                position, invoice.toString(), UUID.randomUUID().toString(), payload.getBytes(StandardCharsets.UTF_8));
    }

    private static void row(JdbcTemplate jdbc, UUID invoice) {
        jdbc.update("""
                insert into invoice_view (invoice_id, account_id, egs_unit_id, environment, kind, document_type,
                    invoice_number, issue_date, uuid, icv, previous_invoice_hash, invoice_hash, qr_code, status,
                    currency, line_extension, allowance_total, tax_exclusive, tax_total, tax_inclusive, payable,
                    zatca_messages, submission_attempts, issued_at, status_changed_at)
                values (?, ?, gen_random_uuid(), 'SANDBOX', 'SIMPLIFIED', 'INVOICE', 'INV-1', '2025-11-02', gen_random_uuid(),
                    1, 'pih', 'hash', 'qr', 'REPORTED', 'SAR', 100, 0, 100, 15, 115, 115, '[]', 0, now(), now())""",
                invoice, ACCOUNT);
    }

    /** The migration before {@code version}, whatever other streams numbered theirs. */
    private static String lastVersionBefore(DataSource dataSource, String version) {
        MigrationVersion limit = MigrationVersion.fromVersion(version);
        return Arrays.stream(Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().info().all())
                .map(MigrationInfo::getVersion).filter(candidate -> candidate.compareTo(limit) < 0)
                .max(MigrationVersion::compareTo).orElseThrow().getVersion();
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load().migrate();
    }
}
