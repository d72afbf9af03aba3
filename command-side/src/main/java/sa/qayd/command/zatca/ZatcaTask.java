package sa.qayd.command.zatca;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import sa.qayd.zatca.fatoora.FatooraOutcome;
import sa.qayd.platform.retry.Backoff;

/**
 * The ZATCA calls behind one kind of work. A task runs with no lock and no transaction held: it calls
 * the gateway, then sends a plain command with the answer, and the aggregate decides what it means.
 */
public interface ZatcaTask {

    Set<WorkKind> kinds();

    /** The pause before the next attempt when one did not settle the work ({@link ZatcaWork#retryAt()}). */
    Backoff backoff();

    Result run(ZatcaWork work);

    /** How one attempt ended. */
    sealed interface Result {
    }

    /** Nothing more to send for this piece of work (the next step, if any, is queued by its event). */
    record Done() implements Result {
    }

    /**
     * Nothing more to send, and the event that settled the work already removed its row in the answer's
     * own transaction: the worker has nothing left to write.
     */
    record Settled() implements Result {
    }

    /**
     * Not settled: try again at {@code at}. {@code gatewayBusy}: the gateway asked every caller to wait
     * (429 with Retry-After), so the worker pauses all calls to it until then.
     */
    record Retry(String reason, Instant at, boolean gatewayBusy) implements Result {
    }

    Result DONE = new Done();

    Result SETTLED = new Settled();

    /**
     * Try a transient outcome again: after the backoff, or after ZATCA's Retry-After if later; a 429
     * pauses the whole gateway until then.
     */
    static Retry retry(ZatcaWork work, FatooraOutcome<?> outcome, Clock clock) {
        Instant at = work.retryAt();
        if (outcome instanceof FatooraOutcome.Throttled<?> throttled) {
            Instant asked = clock.instant().plus(throttled.retryAfter().orElse(Duration.ZERO));
            return new Retry(ZatcaAnswers.reason(outcome), asked.isAfter(at) ? asked : at, true);
        }
        return new Retry(ZatcaAnswers.reason(outcome), at, false);
    }
}
