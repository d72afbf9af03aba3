package sa.qayd.command.zatca;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sa.qayd.api.Environment;

/**
 * The ZATCA work still to do, in PostgreSQL so that every replica shares it: rows are added, advanced
 * and removed by {@link ZatcaWorkRecorder} in the transaction of the event that makes them due or
 * done; the worker claims due rows ({@code for update skip locked}, so replicas never take the same
 * row), holds each under a lease it renews while the call runs, and reschedules it when ZATCA could
 * not be reached. A claim that dies with its process expires with its lease.
 */
@Component
public class ZatcaWorkQueue {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final JdbcTemplate jdbc;

    public ZatcaWorkQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Due deadline of a simplified document: its reporting deadline is near, or passed. */
    public enum Deadline { NEAR, OVERDUE }

    /** A deadline that fell due, claimed for a few minutes so that one replica records it. */
    public record DueDeadline(UUID invoiceId, Deadline deadline, Instant issuedAt) {
    }

    /**
     * Adds work, or restarts it as {@code kind} if the row exists (a unit's next onboarding step).
     * {@code traceparent}: the trace of the request that made it due (its event's metadata), or null.
     */
    void put(UUID id, WorkKind kind, Environment environment, UUID egsUnitId, WorkInputs inputs, Instant dueAt,
             Instant issuedAt, Deadline deadline, Instant deadlineAt, String traceparent) {
        jdbc.update("""
                insert into zatca_work (id, kind, lane, environment, egs_unit_id, inputs, due_at, attempts, claim,
                                        last_error, issued_at, deadline, deadline_at, traceparent)
                values (?, ?, ?, ?, ?, ?, ?, 0, null, null, ?, ?, ?, ?)
                on conflict (id) do update set kind = excluded.kind, lane = excluded.lane, inputs = excluded.inputs,
                    due_at = excluded.due_at, attempts = 0, claim = null, last_error = null,
                    traceparent = excluded.traceparent""",
                id, kind.name(), kind.lane().name(), environment.name(), egsUnitId, json(inputs), Timestamp.from(dueAt),
                Timestamp.from(issuedAt), deadline == null ? null : deadline.name(),
                deadlineAt == null ? null : Timestamp.from(deadlineAt), traceparent);
    }

    /** The unit's row moves on to {@code kind}, keeping what earlier steps learnt. */
    void advance(UUID id, WorkKind kind, Function<WorkInputs, WorkInputs> change, Instant dueAt) {
        List<WorkInputs> current = jdbc.query("select inputs from zatca_work where id = ? for update",
                (rs, row) -> inputs(rs.getString("inputs")), id);
        if (current.isEmpty()) {
            return;
        }
        jdbc.update("""
                update zatca_work set kind = ?, lane = ?, inputs = ?, due_at = ?, attempts = 0, claim = null,
                    last_error = null where id = ?""",
                kind.name(), kind.lane().name(), json(change.apply(current.get(0))), Timestamp.from(dueAt), id);
    }

    /** Removes the work; answers the kind it was, or null if there was none. */
    WorkKind remove(UUID id) {
        return jdbc.query("delete from zatca_work where id = ? returning kind",
                (rs, row) -> WorkKind.valueOf(rs.getString("kind")), id).stream().findFirst().orElse(null);
    }

    void nextDeadline(UUID id, Deadline deadline, Instant deadlineAt) {
        jdbc.update("update zatca_work set deadline = ?, deadline_at = ? where id = ?",
                deadline == null ? null : deadline.name(), deadlineAt == null ? null : Timestamp.from(deadlineAt), id);
    }

    /**
     * Claims up to {@code max} due rows of one lane of one gateway: each gets a new claim token, one more
     * attempt and a lease until {@code leaseUntil}.
     */
    List<ZatcaWork> claim(Environment environment, WorkKind.Lane lane, int max, Instant now, Instant leaseUntil,
                          java.util.function.BiFunction<WorkKind, Integer, Instant> retryAt) {
        return jdbc.query("""
                update zatca_work set claim = gen_random_uuid(), attempts = attempts + 1, due_at = ?
                where id in (select id from zatca_work where environment = ? and lane = ? and due_at <= ?
                             order by due_at limit ? for update skip locked)
                returning id, kind, environment, egs_unit_id, inputs, attempts, claim, issued_at, traceparent""",
                (rs, row) -> work(rs, retryAt), Timestamp.from(leaseUntil), environment.name(),
                lane.name(), Timestamp.from(now), max);
    }

    /** Keeps the claims of calls still running; a claim that is not renewed is taken over after its lease ends. */
    void renewLeases(Collection<UUID> claims, Instant leaseUntil) {
        if (claims.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("update zatca_work set due_at = ? where claim = any (?)");
            statement.setTimestamp(1, Timestamp.from(leaseUntil));
            statement.setArray(2, connection.createArrayOf("uuid", claims.toArray()));
            return statement;
        });
    }

    /** Done: the row goes, unless an event moved it on since it was claimed (then it is not ours any more). */
    void complete(ZatcaWork work) {
        jdbc.update("delete from zatca_work where id = ? and claim = ?", work.id(), work.claim());
    }

    void reschedule(ZatcaWork work, Instant dueAt, String error) {
        jdbc.update("update zatca_work set due_at = ?, claim = null, last_error = ? where id = ? and claim = ?",
                Timestamp.from(dueAt), abbreviate(error), work.id(), work.claim());
    }

    /** Saves how far a step got; false if the claim was lost (another replica took the row over). */
    public boolean saveProgress(ZatcaWork work, WorkInputs inputs) {
        return jdbc.update("update zatca_work set inputs = ? where id = ? and claim = ?", json(inputs), work.id(),
                work.claim()) == 1;
    }

    /** Claims due deadlines for {@code hold}, so that replicas do not record the same one. */
    public List<DueDeadline> claimDeadlines(Instant now, Duration hold, int max) {
        return jdbc.query("""
                update zatca_work set deadline_at = ?
                where id in (select id from zatca_work where deadline_at <= ? order by deadline_at limit ?
                             for update skip locked)
                returning id, deadline, issued_at""",
                (rs, row) -> new DueDeadline(rs.getObject("id", UUID.class), Deadline.valueOf(rs.getString("deadline")),
                        rs.getTimestamp("issued_at").toInstant()),
                Timestamp.from(now.plus(hold)), Timestamp.from(now), max);
    }

    /** How much work waits per kind, and since when (for operators and metrics). */
    public record Backlog(WorkKind kind, long count, Instant oldest) {
    }

    public List<Backlog> backlog() {
        return jdbc.query("select kind, count(*) as n, min(issued_at) as oldest from zatca_work group by kind order by kind",
                (rs, row) -> new Backlog(WorkKind.valueOf(rs.getString("kind")), rs.getLong("n"),
                        rs.getTimestamp("oldest").toInstant()));
    }

    /** Where a piece of waiting work stands: never tried yet, tried and waiting to be tried again, or being tried now. */
    public enum WorkState { QUEUED, RETRYING, IN_FLIGHT }

    /** How much work waits per gateway, kind and state, and the oldest's issue (for metrics). */
    public record BacklogByState(Environment environment, WorkKind kind, WorkState state, long count, Instant oldest) {
    }

    public List<BacklogByState> backlogByState() {
        return jdbc.query("""
                select environment, kind,
                       case when claim is not null then 'IN_FLIGHT' when attempts > 0 then 'RETRYING' else 'QUEUED' end
                           as state,
                       count(*) as n, min(issued_at) as oldest
                from zatca_work group by 1, 2, 3""",
                (rs, row) -> new BacklogByState(Environment.valueOf(rs.getString("environment")),
                        WorkKind.valueOf(rs.getString("kind")), WorkState.valueOf(rs.getString("state")),
                        rs.getLong("n"), rs.getTimestamp("oldest").toInstant()));
    }

    private static ZatcaWork work(ResultSet rs, java.util.function.BiFunction<WorkKind, Integer, Instant> retryAt)
            throws SQLException {
        int attempts = rs.getInt("attempts");
        WorkKind kind = WorkKind.valueOf(rs.getString("kind"));
        return new ZatcaWork(rs.getObject("id", UUID.class), kind,
                Environment.valueOf(rs.getString("environment")), rs.getObject("egs_unit_id", UUID.class),
                inputs(rs.getString("inputs")), attempts, rs.getObject("claim", UUID.class),
                rs.getTimestamp("issued_at").toInstant(), retryAt.apply(kind, attempts), rs.getString("traceparent"));
    }

    private static String json(WorkInputs inputs) {
        if (inputs == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(inputs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("work inputs that cannot be written as JSON", e);
        }
    }

    private static WorkInputs inputs(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, WorkInputs.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored work inputs that cannot be read", e);
        }
    }

    private static String abbreviate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000) + "…";
    }
}
