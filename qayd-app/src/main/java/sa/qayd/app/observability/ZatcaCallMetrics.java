package sa.qayd.app.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import sa.qayd.zatca.fatoora.FatooraCall;
import sa.qayd.zatca.fatoora.FatooraCallListener;

/**
 * Every call to a ZATCA gateway as {@code qayd.zatca.calls} (a timer with a latency histogram) by environment,
 * endpoint, outcome and HTTP status, and its retries inside the call as {@code qayd.zatca.call.retries}.
 */
final class ZatcaCallMetrics implements FatooraCallListener {
    private final MeterRegistry meters;

    ZatcaCallMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void completed(FatooraCall call) {
        String environment = call.environment().qaydEnvironment().wireName();
        String endpoint = call.endpoint().name().toLowerCase(Locale.ROOT);
        Timer.builder("qayd.zatca.calls")
                .description("Calls to ZATCA's gateways, retries inside a call included")
                .tag("environment", environment)
                .tag("endpoint", endpoint)
                .tag("outcome", call.outcomeName())
                .tag("status", call.status().isPresent() ? Integer.toString(call.status().getAsInt()) : "none")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(meters)
                .record(call.duration());
        if (call.attempts() > 1) {
            Counter.builder("qayd.zatca.call.retries")
                    .description("Attempts beyond the first within calls to ZATCA (network errors, timeouts, 5xx)")
                    .tag("environment", environment)
                    .tag("endpoint", endpoint)
                    .register(meters)
                    .increment(call.attempts() - 1);
        }
    }
}
