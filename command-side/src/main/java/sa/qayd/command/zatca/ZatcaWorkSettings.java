package sa.qayd.command.zatca;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the ZATCA worker of each replica calls each gateway ({@code qayd.zatca.work.*}).
 *
 * @param urgentConcurrency calls in flight per gateway for clearance, onboarding and renewals; 0 leaves
 *     that work to other replicas
 * @param backgroundConcurrency calls in flight per gateway for reporting; 0 leaves reporting to other
 *     replicas (a replica that only issues; {@code bench/drain}'s backlog mode)
 * @param pollInterval how often a lane looks for due work it was not woken for (work made due on
 *     another replica, retries coming due)
 * @param claimBatch at most this many rows claimed per look
 * @param lease how long claimed work is left alone before another replica takes it over; renewed
 *     every third of it while its calls run, so it bounds the delay after a crash, not a call's length
 * @param deadlineScan how often reporting deadlines are looked for
 * @param shutdownGrace how long a stopping replica waits for calls in flight before releasing them
 * @param answersPerCommit how many ZATCA answers that arrive together are recorded in one transaction
 *     ({@link AnswerRounds}); 1 records each on its own
 * @param answerRounds how many such rounds each lane records at the same time
 */
@ConfigurationProperties("qayd.zatca.work")
public record ZatcaWorkSettings(
        @DefaultValue("32") int urgentConcurrency,
        @DefaultValue("128") int backgroundConcurrency,
        @DefaultValue("PT0.25S") Duration pollInterval,
        @DefaultValue("64") int claimBatch,
        @DefaultValue("PT60S") Duration lease,
        @DefaultValue("PT30S") Duration deadlineScan,
        @DefaultValue("PT10S") Duration shutdownGrace,
        @DefaultValue("32") int answersPerCommit,
        @DefaultValue("4") int answerRounds) {

    public ZatcaWorkSettings {
        if (urgentConcurrency < 0 || backgroundConcurrency < 0) {
            throw new IllegalArgumentException("qayd.zatca.work concurrency must be 0 (lane off) or more");
        }
        if (answersPerCommit < 1 || answerRounds < 1) {
            throw new IllegalArgumentException("qayd.zatca.work.answers-per-commit and .answer-rounds must be at least 1");
        }
    }

    public int concurrency(WorkKind.Lane lane) {
        return lane == WorkKind.Lane.URGENT ? urgentConcurrency : backgroundConcurrency;
    }
}
