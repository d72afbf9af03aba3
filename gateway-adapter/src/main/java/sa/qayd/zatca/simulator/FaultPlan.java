package sa.qayd.zatca.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Faults to inject into the next calls, changeable while the simulator runs. Rules apply in the order they were
 * added; each call consumes at most one rule, the first still active.
 */
public final class FaultPlan {
    private final Clock clock;
    private final List<Rule> rules = new ArrayList<>();

    FaultPlan(Clock clock) {
        this.clock = clock;
    }

    /** The next {@code calls} calls are answered only after {@code latency}. */
    public synchronized FaultPlan delayNext(int calls, Duration latency) {
        return add(new Rule(new Fault.Delay(latency), calls, Instant.MAX));
    }

    /** The next {@code calls} calls are answered with {@code status}, e.g. 503 for an outage or 429. */
    public synchronized FaultPlan failNext(int calls, int status) {
        return add(new Rule(new Fault.Status(status), calls, Instant.MAX));
    }

    /** Every call during {@code window} from now is answered with {@code status}. */
    public synchronized FaultPlan failFor(Duration window, int status) {
        return add(new Rule(new Fault.Status(status), Integer.MAX_VALUE, clock.instant().plus(window)));
    }

    /** The next {@code calls} connections are closed without an answer. */
    public synchronized FaultPlan dropNext(int calls) {
        return add(new Rule(new Fault.Drop(), calls, Instant.MAX));
    }

    /** The next {@code calls} calls are handled (and recorded) but their connections closed before the answer. */
    public synchronized FaultPlan loseAnswersOfNext(int calls) {
        return add(new Rule(new Fault.LoseAnswer(), calls, Instant.MAX));
    }

    /** Back to normal service. */
    public synchronized void clear() {
        rules.clear();
    }

    synchronized Optional<Fault> next() {
        Instant now = clock.instant();
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.remainingCalls == 0 || !now.isBefore(rule.until)) {
                it.remove();
                continue;
            }
            rule.remainingCalls--;
            return Optional.of(rule.fault);
        }
        return Optional.empty();
    }

    private FaultPlan add(Rule rule) {
        if (rule.remainingCalls < 1) {
            throw new IllegalArgumentException("calls must be at least 1");
        }
        rules.add(rule);
        return this;
    }

    private static final class Rule {
        private final Fault fault;
        private final Instant until;
        private int remainingCalls;

        private Rule(Fault fault, int calls, Instant until) {
            this.fault = fault;
            this.remainingCalls = calls;
            this.until = until;
        }
    }
}
