package sa.qayd.query.processing;

import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads processors' tokens straight from token_entry, without claiming them, so every replica sees
 * every segment's position (the processor API only knows the segments this replica works on).
 */
@Component
public class ProcessorTokens {
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public ProcessorTokens(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** One segment's stored token; {@code token} is null before the segment handled its first batch. */
    public record SegmentToken(int segment, String owner, TrackingToken token) {

        /** How far the segment got (during a replay: how far the replay got). */
        public OptionalLong position() {
            return token == null ? OptionalLong.empty() : token.position();
        }

        /**
         * True while a reset's replay has not yet reached the position the store had at the reset.
         * Axon keeps the replay token until the next new event; a replay that reached that position
         * is over as far as the projection's contents are concerned.
         */
        public boolean replaying() {
            OptionalLong resetAt = ReplayToken.getTokenAtReset(token);
            return ReplayToken.isReplay(token) && resetAt.isPresent() && position().orElse(-1) < resetAt.getAsLong();
        }

        /** How much of the replay is done (0..1), or 1 when not replaying. */
        public double replayProgress() {
            if (!replaying()) {
                return 1.0;
            }
            long resetAt = ReplayToken.getTokenAtReset(token).getAsLong();
            return resetAt <= 0 ? 1.0 : Math.max(0, position().orElse(0)) / (double) resetAt;
        }
    }

    public List<SegmentToken> of(String processorName) {
        return jdbc.query("select segment, owner, token, token_type from token_entry where processor_name = ? order by segment",
                (rs, row) -> new SegmentToken(rs.getInt("segment"), rs.getString("owner"),
                        deserialize(rs.getBytes("token"), rs.getString("token_type"))), processorName);
    }

    /** The global index of the newest event in the store (0 when empty). */
    public long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private TrackingToken deserialize(byte[] token, String type) {
        if (token == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }
}
