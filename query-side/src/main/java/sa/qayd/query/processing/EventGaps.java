package sa.qayd.query.processing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the gaps in the event store's global index that will never be filled from those that
 * still may be. A gap is an index a transaction took and has not committed (yet): a rolled-back
 * command, a refused request, a replica killed mid-transaction leave one for good. Axon's JPA
 * storage keeps such gaps in its tokens until 10,000 further events, which stops everything that
 * waits for completeness (the audit stream's "complete through"). A gap below an index that was
 * already committed at time T can only be filled by a transaction that began before T; so once
 * every transaction of the database older than T has ended, every gap below that index that is
 * still empty stays empty. No timeout is guessed: a slow but live transaction keeps its gap open,
 * a dead one releases it at once.
 */
@Component
public class EventGaps {
    private static final Logger log = LoggerFactory.getLogger(EventGaps.class);
    private static final Duration REFRESH_EVERY = Duration.ofMillis(250);
    private static final int MAX_CHECKPOINTS = 10_000;

    private record Checkpoint(Instant at, long head) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Deque<Checkpoint> checkpoints = new ArrayDeque<>();
    private Instant refreshedAt = Instant.MIN;
    private long settledThrough = -1;

    public EventGaps(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The token without the gaps that will never be filled (the same token if it has none). */
    public GapAwareTrackingToken withoutDeadGaps(GapAwareTrackingToken token) {
        if (token == null || token.getGaps().isEmpty()) {
            return token;
        }
        long settled = settledThrough();
        SortedSet<Long> candidates = token.getGaps().headSet(settled + 1);
        if (candidates.isEmpty()) {
            return token;
        }
        // read after the settling decision: a gap filled by a transaction that committed just before stays
        List<Long> filled = jdbc.queryForList("select global_index from domain_event_entry where global_index in (:gaps)",
                new MapSqlParameterSource("gaps", candidates), Long.class);
        SortedSet<Long> dead = new TreeSet<>(candidates);
        filled.forEach(dead::remove);
        if (dead.isEmpty()) {
            return token;
        }
        SortedSet<Long> open = new TreeSet<>(token.getGaps());
        open.removeAll(dead);
        log.debug("Closed {} gap(s) in the global index up to {} that no running transaction can fill", dead.size(), dead.last());
        return GapAwareTrackingToken.newInstance(token.getIndex(), open);
    }

    /**
     * The highest global index up to which a processor with this token has handled every event
     * there will ever be: its position, or just below its oldest gap that may still be filled.
     */
    public long completeThrough(TrackingToken token) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            GapAwareTrackingToken open = withoutDeadGaps(gapAware);
            return open.getGaps().isEmpty() ? open.getIndex() : open.getGaps().first() - 1;
        }
        return current == null ? -1 : current.position().orElse(-1);
    }

    /** Every index at or below this that has no event now never will. */
    synchronized long settledThrough() {
        Instant now = clock.instant();
        if (Duration.between(refreshedAt, now).compareTo(REFRESH_EVERY) < 0) {
            return settledThrough;
        }
        refreshedAt = now;
        // one statement, one snapshot: the head was committed before clock_timestamp() was read
        List<Object[]> rows = jdbc.query("""
                select clock_timestamp() as checked_at,
                       (select max(global_index) from domain_event_entry) as head,
                       (select min(xact_start) from pg_stat_activity
                        where datname = current_database() and pid <> pg_backend_pid()
                          and backend_type = 'client backend' and xact_start is not null) as oldest_transaction""",
                (rs, row) -> new Object[] {rs.getTimestamp("checked_at"), rs.getObject("head"), rs.getTimestamp("oldest_transaction")});
        Object[] row = rows.get(0);
        Instant checkedAt = ((Timestamp) row[0]).toInstant();
        if (row[1] != null && (checkpoints.isEmpty() || checkpoints.peekLast().head() != ((Number) row[1]).longValue())) {
            if (checkpoints.size() == MAX_CHECKPOINTS) {
                checkpoints.pollLast();
            }
            checkpoints.addLast(new Checkpoint(checkedAt, ((Number) row[1]).longValue()));
        }
        Instant oldest = row[2] == null ? checkedAt : ((Timestamp) row[2]).toInstant();
        while (!checkpoints.isEmpty() && checkpoints.peekFirst().at().isBefore(oldest)) {
            settledThrough = Math.max(settledThrough, checkpoints.pollFirst().head());
        }
        return settledThrough;
    }
}
