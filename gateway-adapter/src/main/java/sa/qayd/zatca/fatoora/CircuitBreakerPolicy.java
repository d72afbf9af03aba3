package sa.qayd.zatca.fatoora;

import java.time.Duration;

/**
 * When a gateway counts as down. Only transient failures (network, timeout, 429, 5xx) count; a 400 is the
 * document's fault, not the gateway's.
 *
 * @param slidingWindowSize number of recent calls looked at
 * @param minimumCalls calls needed before the failure rate is judged
 * @param failureRatePercent failure rate that opens the breaker
 * @param openDuration how long calls are refused before trial calls are let through
 * @param trialCalls trial calls whose failure rate decides between closing and opening again
 */
public record CircuitBreakerPolicy(
        int slidingWindowSize, int minimumCalls, float failureRatePercent, Duration openDuration, int trialCalls) {

    public static final CircuitBreakerPolicy DEFAULT =
            new CircuitBreakerPolicy(20, 10, 50f, Duration.ofSeconds(30), 3);
}
