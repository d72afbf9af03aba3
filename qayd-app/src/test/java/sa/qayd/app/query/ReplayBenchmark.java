package sa.qayd.app.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sa.qayd.query.processing.ProcessorTokens;

/**
 * Replays 100 k stored events through the invoice projection, a warm-up pass and then three measured
 * ones, and prints "replay: n events/s" (their median). Not a test (surefire's default includes skip it); run it
 * with bench/replay. The history is one real issued invoice cloned: per document its sequencing,
 * issue (with the real signed XML) and report.
 */
class ReplayBenchmark extends QueryContext {
    private static final int EVENTS = Integer.getInteger("bench.events", 100_000);
    private static final String PROCESSOR = "invoices";
    private static final int PASSES = 3;

    @Autowired
    DataSource dataSource;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProcessorTokens tokens;

    @Test
    void replay() throws Exception {
        UUID sample = reportedInvoice(tenants.onboard("sandbox"));
        // only the projection under test reads the history: sagas must not submit the clones
        processing.eventProcessors().forEach((name, processor) -> {
            if (!name.equals(PROCESSOR)) {
                processor.shutDown();
            }
        });
        load(sample);

        StreamingEventProcessor invoices = processing.eventProcessor(PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        long head = tokens.head();
        long reports = jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type = 'sa.qayd.api.invoice.InvoiceReportedEvent'", Long.class);
        // the first pass only warms the JVM up: its compiler would otherwise share the two cores with the replay
        System.out.printf("warm-up: %.0f events/s%n", replay(invoices, head, reports));
        double[] passes = new double[PASSES];
        for (int pass = 0; pass < PASSES; pass++) {
            passes[pass] = replay(invoices, head, reports);
            System.out.printf("pass %d: %.0f events/s%n", pass + 1, passes[pass]);
        }
        long invoicesProjected = jdbc.queryForObject("select count(*) from invoice_view", Long.class);
        Arrays.sort(passes);
        System.out.printf("replay: %.0f events/s (median of %d passes over %d events, %d invoices; best %.0f)%n",
                passes[PASSES / 2], PASSES, head, invoicesProjected, passes[PASSES - 1]);
    }

    /**
     * Resets the projection, replays the whole history through it and gives the events per second. The
     * replay is over once one segment holds the last event and every report is projected: a segment
     * whose own events ended earlier records the head only at its next claim extension, seconds later.
     */
    private double replay(StreamingEventProcessor invoices, long head, long reports) throws InterruptedException {
        invoices.shutDown();
        invoices.resetTokens();
        long started = System.nanoTime();
        invoices.start();
        while (tokens.of(PROCESSOR).stream().mapToLong(segment -> segment.position().orElse(-1)).max().orElse(-1) < head
                || jdbc.queryForObject("select count(*) from invoice_view where status = 'REPORTED'", Long.class) < reports) {
            Thread.sleep(20);
        }
        return head / ((System.nanoTime() - started) / 1e9);
    }

    private void load(UUID sample) throws Exception {
        ObjectNode issued = storedPayload(sample, "InvoiceIssuedEvent");
        ObjectNode reported = storedPayload(sample, "InvoiceReportedEvent");
        UUID unit = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                values (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            connection.setAutoCommit(false);
            String now = Instant.now().toString();
            byte[] metaData = "{}".getBytes(StandardCharsets.UTF_8);
            for (int document = 0; document < EVENTS / 3; document++) {
                UUID invoice = UUID.randomUUID();
                String id = invoice.toString();
                add(insert, unit.toString(), document, "EgsUnit", metaData, now, "2", "sa.qayd.api.egs.InvoiceSequencedEvent",
                        "{\"egsUnitId\":\"" + unit + "\",\"invoiceId\":\"" + id + "\",\"icv\":" + (document + 1)
                                + ",\"invoiceHash\":\"" + issued.path("invoiceHash").asText() + "\"}");
                add(insert, id, 0, "Invoice", metaData, now, null, "sa.qayd.api.invoice.InvoiceIssuedEvent",
                        issued.deepCopy().put("invoiceId", id).put("uuid", UUID.randomUUID().toString()).put("icv", document + 1).toString());
                add(insert, id, 1, "Invoice", metaData, now, null, "sa.qayd.api.invoice.InvoiceReportedEvent",
                        reported.deepCopy().put("invoiceId", id).toString());
                if (document % 1000 == 999) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private static void add(PreparedStatement insert, String aggregate, long sequence, String type, byte[] metaData,
                            String timestamp, String revision, String payloadType, String payload) throws Exception {
        insert.setString(1, aggregate);
        insert.setLong(2, sequence);
        insert.setString(3, type);
        insert.setString(4, UUID.randomUUID().toString());
        insert.setBytes(5, metaData);
        insert.setBytes(6, payload.getBytes(StandardCharsets.UTF_8));
        insert.setString(7, revision);
        insert.setString(8, payloadType);
        insert.setString(9, timestamp);
        insert.addBatch();
    }
}
