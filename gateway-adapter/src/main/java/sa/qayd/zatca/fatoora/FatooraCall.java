package sa.qayd.zatca.fatoora;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * One finished call of a {@link FatooraClient}, retries included, as told to its {@link FatooraCallListener}.
 *
 * @param status HTTP status of the last attempt; empty when no answer came (network error, timeout, open breaker)
 * @param attempts HTTP attempts made (0 when the circuit breaker refused the call)
 * @param duration from the call to its outcome, backoff between attempts included
 */
public record FatooraCall(FatooraEnvironment environment, FatooraEndpoint endpoint, FatooraOutcome<?> outcome,
                          OptionalInt status, int attempts, Duration duration) {

    /** The outcome's kind in snake case ({@code accepted_with_warnings}, {@code gateway_unavailable}, …). */
    public String outcomeName() {
        return outcome.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
