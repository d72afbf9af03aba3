package sa.qayd.app.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sa.qayd.app.Tenants.Tenant;

/**
 * Gaps in the global index (a transaction that took an index and rolled back, a replica killed
 * mid-transaction, a refused request) must not freeze the audit stream: a gap no transaction can
 * fill any more closes within seconds, while one a live transaction may still fill holds the
 * stream's "complete through" back until that transaction ends.
 */
class AuditGapsTest extends QueryContext {
    private static final String COMPLETE_THROUGH = "Qayd-Audit-Complete-Through";

    private final HttpClient http = HttpClient.newHttpClient();
    @Autowired
    DataSource dataSource;

    @Test
    void gapsOfTransactionsThatCannotCommitCloseWithinSecondsAndLiveOnesHoldTheStreamBack() throws Exception {
        Tenant tenant = tenants.onboard("sandbox");
        long settledHead = awaitCompleteThroughHead(tenant);

        // indexes taken and never used, as rolled-back transactions leave them
        jdbc.queryForList("select nextval('domain_event_entry_seq') from generate_series(1, 3)", Long.class);
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            long held;
            try (Statement statement = open.createStatement(); var rows = statement.executeQuery(
                    "select nextval('domain_event_entry_seq')")) {
                rows.next();
                held = rows.getLong(1);
            }
            // a live transaction that took an index and may still commit it
            open.createStatement().execute("select 1");
            UUID unit = tenants.createUnit(tenant.apiKey(), "simplified");
            long headWithGaps = head();
            assertThat(headWithGaps).isGreaterThan(held);
            Thread.sleep(3000);
            long heldBack = completeThrough(tenant);
            assertThat(heldBack).as("the stream must not pass an index a live transaction may still commit")
                    .isLessThan(held).isGreaterThanOrEqualTo(settledHead);
            assertThat(exportText(tenant)).doesNotContain(unit.toString());

            open.rollback();
            long[] reached = new long[1];
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                reached[0] = completeThrough(tenant);
                assertThat(reached[0]).isGreaterThanOrEqualTo(headWithGaps);
            });
            assertThat(exportText(tenant)).contains(unit.toString());
        }
    }

    private long awaitCompleteThroughHead(Tenant tenant) {
        long head = head();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> completeThrough(tenant) >= head);
        return head;
    }

    private long head() {
        return jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
    }

    private long completeThrough(Tenant tenant) {
        return Long.parseLong(export(tenant).headers().firstValue(COMPLETE_THROUGH).orElseThrow());
    }

    private String exportText(Tenant tenant) {
        return export(tenant).body();
    }

    private HttpResponse<String> export(Tenant tenant) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/audit/events?after=0"))
                    .header("Authorization", "Bearer " + tenant.apiKey()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
