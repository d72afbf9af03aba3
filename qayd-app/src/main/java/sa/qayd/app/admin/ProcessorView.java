package sa.qayd.app.admin;

import java.util.List;

/**
 * One event processor. {@code position} is the slowest segment's, {@code lag} how many global
 * positions it is behind the newest event; {@code replayProgress} (0..1) is set during a replay.
 * {@code deadLetters} is null for a group without a dead-letter queue.
 */
record ProcessorView(String name, String mode, boolean running, boolean error, boolean replaying, long head,
                     Long position, Long lag, Double replayProgress, List<SegmentView> segments, Long deadLetters) {

    /** {@code claimedHere}: this replica works the segment, so {@code caughtUp} and {@code error} are known. */
    record SegmentView(int segment, String owner, Long position, boolean replaying, boolean claimedHere, Boolean caughtUp,
                       String error) {
    }
}
