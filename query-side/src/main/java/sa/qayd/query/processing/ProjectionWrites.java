package sa.qayd.query.processing;

import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projections' writes to PostgreSQL, made so that one failing event can be dead-lettered: PostgreSQL
 * refuses every statement of a transaction after a failed one, including Axon's own insert of the
 * dead letter, so without care the processor would retry the same batch forever.
 */
@Component
public class ProjectionWrites {
    private static final String QUEUED = ProjectionWrites.class.getName() + ".queued";

    private final JdbcTemplate jdbc;
    /** Events of a batch whose queued writes failed: on the batch's retry they are written on their own. */
    private final Set<String> writeAlone = ConcurrentHashMap.newKeySet();

    public ProjectionWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes now, inside a savepoint of the batch's transaction. */
    public int update(String sql, Object... args) {
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            if (connection.getAutoCommit()) {
                return jdbc.update(sql, args);
            }
            Savepoint savepoint = connection.setSavepoint();
            int rows;
            try {
                rows = jdbc.update(sql, args);
            } catch (RuntimeException failed) {
                connection.rollback(savepoint);
                throw failed;
            }
            connection.releaseSavepoint(savepoint);
            return rows;
        });
    }

    /**
     * Writes at the end of the event processor's batch, together with the batch's other queued writes:
     * a few JDBC batches instead of a round trip per statement, which is what bounds a replay. Writes
     * about the same subject run in the order they were queued; writes about different subjects must
     * not depend on each other. Outside a processor's batch (a dead letter being retried) this writes now.
     * <p>
     * When the queued writes fail, the whole batch rolls back and the processor retries it; this time
     * each of its events writes on its own, so the failing one is dead-lettered and the others go on.
     */
    public void updateInOrderOf(Object subject, String sql, Object... args) {
        updateInOrderOf(subject, sql, () -> args);
    }

    /**
     * As {@link #updateInOrderOf(Object, String, Object...)}, with arguments that are taken only when the
     * write is sent: until then, later events of the batch may still change them.
     *
     * @return whether the write was queued (false: it was written now, so later changes are not sent)
     */
    public boolean updateInOrderOf(Object subject, String sql, Supplier<Object[]> args) {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)) {
            update(sql, args.get());
            return false;
        }
        EventMessage<?> event = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
        Queue queue = batch.getOrComputeResource(QUEUED, key -> {
            Queue created = new Queue();
            batch.onPrepareCommit(unitOfWork -> flush(created));
            return created;
        });
        if (writeAlone.contains(event.getIdentifier())) {
            flush(queue);
            batch.afterCommit(unitOfWork -> writeAlone.remove(event.getIdentifier()));
            update(sql, args.get());
            return false;
        }
        queue.add(new Write(subject, event.getIdentifier(), sql, args));
        return true;
    }

    private void flush(Queue queue) {
        List<Write> writes = queue.drain();
        try {
            for (Map<String, List<Object[]>> round : rounds(writes)) {
                round.forEach(jdbc::batchUpdate);
            }
        } catch (RuntimeException failed) {
            writes.forEach(write -> writeAlone.add(write.eventId()));
            throw failed;
        }
    }

    /**
     * The n-th write about each subject goes in round n; within a round, writes of the same statement
     * form one JDBC batch. Rounds run in order, so each subject's writes keep theirs.
     */
    static List<Map<String, List<Object[]>>> rounds(List<Write> writes) {
        List<Map<String, List<Object[]>>> rounds = new ArrayList<>();
        Map<Object, Integer> writesSoFar = new HashMap<>();
        for (Write write : writes) {
            int round = writesSoFar.merge(write.subject(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new LinkedHashMap<>());
            }
            rounds.get(round).computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write.args().get());
        }
        return rounds;
    }

    record Write(Object subject, String eventId, String sql, Supplier<Object[]> args) {
    }

    private static final class Queue {
        private List<Write> writes = new ArrayList<>();

        void add(Write write) {
            writes.add(write);
        }

        List<Write> drain() {
            List<Write> drained = writes;
            writes = new ArrayList<>();
            return drained;
        }
    }
}
