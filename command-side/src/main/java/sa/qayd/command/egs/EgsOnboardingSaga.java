package sa.qayd.command.egs;

import java.time.Duration;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import sa.qayd.api.ZatcaUnavailableException;
import sa.qayd.api.egs.ComplianceChecksPassedEvent;
import sa.qayd.api.egs.ComplianceCsidIssuedEvent;
import sa.qayd.api.egs.EgsOnboardingFailedEvent;
import sa.qayd.api.egs.EgsOnboardingRestartedEvent;
import sa.qayd.api.egs.EgsUnitOnboardedEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.api.egs.RequestComplianceCsidCommand;
import sa.qayd.api.egs.RequestProductionCsidCommand;
import sa.qayd.api.egs.RunComplianceChecksCommand;

/**
 * Drives one unit from registration to a production CSID: compliance CSID, compliance checks,
 * production CSID. Each step is a command; when ZATCA is unreachable the step is tried again from
 * a persistent deadline (it survives restarts), with growing pauses.
 */
@Saga
public class EgsOnboardingSaga {
    static final String RETRY_DEADLINE = "retry-onboarding-step";
    private static final Logger log = LoggerFactory.getLogger(EgsOnboardingSaga.class);

    private UUID egsUnitId;
    private int failedAttempts;

    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient OnboardingSettings settings;

    /** Which step to (re)run. */
    public enum Step { COMPLIANCE_CSID, COMPLIANCE_CHECKS, PRODUCTION_CSID }

    @StartSaga
    @SagaEventHandler(associationProperty = "egsUnitId")
    public void on(EgsUnitRegisteredEvent event) {
        egsUnitId = event.egsUnitId();
        run(Step.COMPLIANCE_CSID);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "egsUnitId")
    public void on(EgsOnboardingRestartedEvent event) {
        egsUnitId = event.egsUnitId();
        failedAttempts = 0;
        run(Step.COMPLIANCE_CSID);
    }

    @SagaEventHandler(associationProperty = "egsUnitId")
    public void on(ComplianceCsidIssuedEvent event) {
        run(Step.COMPLIANCE_CHECKS);
    }

    @SagaEventHandler(associationProperty = "egsUnitId")
    public void on(ComplianceChecksPassedEvent event) {
        run(Step.PRODUCTION_CSID);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "egsUnitId")
    public void on(EgsUnitOnboardedEvent event) {
        deadlines.cancelAllWithinScope(RETRY_DEADLINE);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "egsUnitId")
    public void on(EgsOnboardingFailedEvent event) {
        deadlines.cancelAllWithinScope(RETRY_DEADLINE);
    }

    @DeadlineHandler(deadlineName = RETRY_DEADLINE)
    public void retry(Step step) {
        run(step);
    }

    private void run(Step step) {
        try {
            commands.sendAndWait(switch (step) {
                case COMPLIANCE_CSID -> new RequestComplianceCsidCommand(egsUnitId);
                case COMPLIANCE_CHECKS -> new RunComplianceChecksCommand(egsUnitId);
                case PRODUCTION_CSID -> new RequestProductionCsidCommand(egsUnitId);
            });
            failedAttempts = 0;
        } catch (ZatcaUnavailableException unavailable) {
            retryLater(step, unavailable.getMessage());
        } catch (RuntimeException unexpected) {
            // never block the saga processor: this unit waits, the others go on
            log.error("Onboarding step {} of EGS unit {} failed unexpectedly", step, egsUnitId, unexpected);
            retryLater(step, unexpected.toString());
        }
    }

    private void retryLater(Step step, String reason) {
        failedAttempts++;
        Duration pause = settings.backoff().delayBefore(failedAttempts);
        log.warn("Onboarding of EGS unit {} ({}) tries again in {}: {}", egsUnitId, step, pause, reason);
        deadlines.schedule(pause, RETRY_DEADLINE, step);
    }

    public UUID getEgsUnitId() {
        return egsUnitId;
    }

    public int getFailedAttempts() {
        return failedAttempts;
    }

    public void setEgsUnitId(UUID egsUnitId) {
        this.egsUnitId = egsUnitId;
    }

    public void setFailedAttempts(int failedAttempts) {
        this.failedAttempts = failedAttempts;
    }
}
