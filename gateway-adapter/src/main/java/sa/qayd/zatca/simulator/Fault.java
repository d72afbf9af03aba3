package sa.qayd.zatca.simulator;

import java.time.Duration;

/** What the simulator does to one incoming call instead of, or before, answering it normally. */
sealed interface Fault {

    /** Answer normally, but only after a delay. */
    record Delay(Duration latency) implements Fault {
    }

    /** Answer with this HTTP status (503 outage, 429 throttling, 500 ...) without looking at the request. */
    record Status(int status) implements Fault {
    }

    /** Close the connection without any answer. */
    record Drop() implements Fault {
    }

    /**
     * Handle the call as the gateway would (it is recorded), then close the connection without the answer:
     * what a timeout after ZATCA accepted a document looks like to the caller.
     */
    record LoseAnswer() implements Fault {
    }
}
