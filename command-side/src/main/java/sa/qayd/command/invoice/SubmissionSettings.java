package sa.qayd.command.invoice;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import sa.qayd.api.retry.Backoff;

/** How submission waits through ZATCA outages, and when an unreported simplified document turns to warning. */
@Component
public class SubmissionSettings {
    private final Backoff backoff;
    private final Duration reportingWarningAfter;
    private final Duration clearanceWait;

    public SubmissionSettings(@Value("${qayd.submission.retry-initial:PT5S}") Duration retryInitial,
                              @Value("${qayd.submission.retry-max:PT15M}") Duration retryMax,
                              @Value("${qayd.submission.reporting-warning-after:PT20H}") Duration reportingWarningAfter,
                              @Value("${qayd.submission.clearance-wait:PT5S}") Duration clearanceWait) {
        this.backoff = new Backoff(retryInitial, retryMax);
        this.reportingWarningAfter = reportingWarningAfter;
        this.clearanceWait = clearanceWait;
    }

    public Backoff backoff() {
        return backoff;
    }

    public Duration reportingWarningAfter() {
        return reportingWarningAfter;
    }

    /** How long POST /v1/invoices/standard waits for ZATCA's clearance before answering 202. */
    public Duration clearanceWait() {
        return clearanceWait;
    }
}
