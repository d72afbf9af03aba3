package sa.qayd.command.invoice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import sa.qayd.platform.retry.Backoff;

/**
 * How documents wait through ZATCA outages, and what callers and unreported documents are told
 * ({@code qayd.submission.*}).
 *
 * @param retryInitial pause before the second attempt, doubling (with jitter) up to {@code retryMax}
 * @param reportingWarningAfter when an unreported simplified document turns {@code reporting_deadline_near}
 * @param clearanceWait how long {@code POST /v1/invoices/standard} waits for ZATCA's clearance before
 *     answering 202; a hard ceiling, however slow the gateway
 */
@ConfigurationProperties("qayd.submission")
public record SubmissionSettings(
        @DefaultValue("PT5S") Duration retryInitial,
        @DefaultValue("PT15M") Duration retryMax,
        @DefaultValue("PT20H") Duration reportingWarningAfter,
        @DefaultValue("PT5S") Duration clearanceWait) {

    public Backoff backoff() {
        return new Backoff(retryInitial, retryMax);
    }
}
