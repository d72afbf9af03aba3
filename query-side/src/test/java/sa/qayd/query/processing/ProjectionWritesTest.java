package sa.qayd.query.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.qayd.query.processing.ProjectionWrites.Write;

/** How a batch's queued writes are grouped into JDBC batches without reordering any subject's writes. */
class ProjectionWritesTest {

    @Test
    void eachSubjectsWritesKeepTheirOrderAndEqualStatementsOfARoundShareOneBatch() {
        List<Write> queued = List.of(
                write("A", "insert"), write("A", "history"),
                write("B", "insert"), write("B", "history"),
                write("A", "settle"), write("A", "history"),
                write("C", "settle"));

        List<Map<String, List<Object[]>>> rounds = ProjectionWrites.rounds(queued);

        assertThat(rounds).hasSize(4);
        assertThat(flatten(rounds)).containsExactly(
                "insert:A", "insert:B", "settle:C",
                "history:A", "history:B",
                "settle:A",
                "history:A");
        assertThat(rounds.get(0)).as("one JDBC batch per statement in a round").containsOnlyKeys("insert", "settle");
        assertThat(rounds.get(0).get("insert")).hasSize(2);
    }

    @Test
    void argumentsAreTakenWhenTheRoundsAreBuiltNotWhenQueued() {
        Object[] arguments = {"A", "pending"};
        List<Write> queued = List.of(new Write("A", "event-1", "insert", () -> arguments.clone()));
        arguments[1] = "settled";

        assertThat(ProjectionWrites.rounds(queued).get(0).get("insert").get(0)).containsExactly("A", "settled");
    }

    private static Write write(String subject, String sql) {
        return new Write(subject, "event of " + subject, sql, () -> new Object[] {subject});
    }

    /** Every write as "statement:subject", round after round, batch after batch. */
    private static List<String> flatten(List<Map<String, List<Object[]>>> rounds) {
        List<String> order = new ArrayList<>();
        rounds.forEach(round -> round.forEach((sql, batch) -> batch.forEach(args -> order.add(sql + ":" + args[0]))));
        return order;
    }
}
