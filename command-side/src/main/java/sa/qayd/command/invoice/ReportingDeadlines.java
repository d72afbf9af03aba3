package sa.qayd.command.invoice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import sa.qayd.api.Actor;
import sa.qayd.api.invoice.MarkReportingOverdueCommand;
import sa.qayd.api.invoice.WarnReportingDeadlineNearCommand;
import sa.qayd.command.zatca.ZatcaWorkQueue;
import sa.qayd.command.zatca.ZatcaWorkQueue.DueDeadline;
import sa.qayd.command.zatca.ZatcaWorkSettings;

/**
 * Simplified documents must be reported within 24 hours of issue. One that is still unreported gets
 * {@code reporting_deadline_near} after {@code qayd.submission.reporting-warning-after}, and
 * {@code reporting_overdue} once the 24 hours have passed; it is still sent either way. The deadlines
 * live with the document's work in {@code zatca_work}, claimed by one replica at a time.
 */
@Component
class ReportingDeadlines implements SmartLifecycle {
    static final Duration REPORTING_LIMIT = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(ReportingDeadlines.class);
    /** A claimed deadline whose command did not go through comes due again after this. */
    private static final Duration HOLD = Duration.ofMinutes(2);
    private static final int BATCH = 200;

    private final ZatcaWorkQueue queue;
    private final CommandGateway commands;
    private final ZatcaWorkSettings settings;
    private final Clock clock;
    private ScheduledExecutorService scanner;

    ReportingDeadlines(ZatcaWorkQueue queue, CommandGateway commands, ZatcaWorkSettings settings, Clock clock) {
        this.queue = queue;
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
    }

    /** Records every deadline that fell due; returns how many. */
    int recordDueDeadlines() {
        int recorded = 0;
        List<DueDeadline> due;
        do {
            due = queue.claimDeadlines(clock.instant(), HOLD, BATCH);
            for (DueDeadline deadline : due) {
                Instant limit = deadline.issuedAt().plus(REPORTING_LIMIT);
                Object command = deadline.deadline() == ZatcaWorkQueue.Deadline.NEAR
                        ? new WarnReportingDeadlineNearCommand(deadline.invoiceId(), limit)
                        : new MarkReportingOverdueCommand(deadline.invoiceId(), limit);
                commands.sendAndWait(Actor.REPORTING_DEADLINES.command(command));
                recorded++;
            }
        } while (due.size() == BATCH);
        return recorded;
    }

    @Override
    public void start() {
        scanner = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reporting-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        long period = settings.deadlineScan().toMillis();
        scanner.scheduleWithFixedDelay(() -> {
            try {
                recordDueDeadlines();
            } catch (RuntimeException e) {
                log.warn("Reporting deadlines could not be recorded now; they are tried again: {}", e.toString());
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scanner.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return scanner != null && !scanner.isShutdown();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
