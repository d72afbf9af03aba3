package sa.qayd.command.egs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.Test;
import sa.qayd.api.Address;
import sa.qayd.api.Environment;
import sa.qayd.api.ZatcaUnavailableException;
import sa.qayd.api.egs.ComplianceChecksPassedEvent;
import sa.qayd.api.egs.ComplianceCsidIssuedEvent;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.egs.EgsOnboardingFailedEvent;
import sa.qayd.api.egs.EgsOnboardingRestartedEvent;
import sa.qayd.api.egs.EgsUnitOnboardedEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.api.egs.InvoiceTypes;
import sa.qayd.api.egs.RequestComplianceCsidCommand;
import sa.qayd.api.egs.RequestProductionCsidCommand;
import sa.qayd.api.egs.RunComplianceChecksCommand;

class EgsOnboardingSagaTest {
    private final SagaTestFixture<EgsOnboardingSaga> fixture = new SagaTestFixture<>(EgsOnboardingSaga.class);
    private final UUID unitId = UUID.randomUUID();
    private final UUID accountId = UUID.randomUUID();
    private final EgsUnitRegisteredEvent registered = new EgsUnitRegisteredEvent(unitId, accountId, Environment.SANDBOX,
            "POS", "123345", new EgsIdentity("SN", "Qayd", "POS", "Main", "Acme", "399999999900003", "1010010000",
            InvoiceTypes.BOTH, "RRRD2929", "Retail", new Address("St", "1234", null, "D", "Riyadh", "12345", "SA")),
            Instant.now());
    {
        fixture.registerResource(new OnboardingSettings(Duration.ofSeconds(2), Duration.ofMinutes(10)));
    }

    private final ComplianceCsidIssuedEvent complianceCsid = new ComplianceCsidIssuedEvent(unitId, 42, "Y2VydA==", Instant.now());

    @Test
    void walksTheUnitThroughTheThreeSteps() {
        fixture.givenNoPriorActivity()
                .whenAggregate(unitId.toString()).publishes(registered)
                .expectDispatchedCommands(new RequestComplianceCsidCommand(unitId))
                .expectActiveSagas(1);
        fixture.givenAggregate(unitId.toString()).published(registered)
                .whenAggregate(unitId.toString()).publishes(complianceCsid)
                .expectDispatchedCommands(new RunComplianceChecksCommand(unitId));
        fixture.givenAggregate(unitId.toString()).published(registered, complianceCsid)
                .whenAggregate(unitId.toString()).publishes(new ComplianceChecksPassedEvent(unitId, List.of(), List.of(), Instant.now()))
                .expectDispatchedCommands(new RequestProductionCsidCommand(unitId));
    }

    @Test
    void aZatcaOutageIsRetriedFromAPersistentDeadline() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof RunComplianceChecksCommand) {
                throw new ZatcaUnavailableException("HTTP 503 after 4 attempts");
            }
            return null;
        });
        fixture.givenAggregate(unitId.toString()).published(registered)
                .whenAggregate(unitId.toString()).publishes(complianceCsid)
                .expectDispatchedCommands(new RunComplianceChecksCommand(unitId));
        fixture.setCallbackBehavior((command, metaData) -> null);
        // the first pause is 1 to 2 s (2 s with full jitter)
        fixture.whenTimeElapses(Duration.ofSeconds(2))
                .expectDispatchedCommands(new RunComplianceChecksCommand(unitId))
                .expectNoScheduledDeadlines();
    }

    @Test
    void endsWhenTheUnitIsActiveOrFailed() {
        fixture.givenAggregate(unitId.toString()).published(registered, complianceCsid)
                .whenAggregate(unitId.toString()).publishes(new EgsUnitOnboardedEvent(unitId, accountId, "Y2VydA==", "1",
                        Instant.now().plus(Duration.ofDays(365)), Instant.now()))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
        fixture.givenAggregate(unitId.toString()).published(registered)
                .whenAggregate(unitId.toString()).publishes(new EgsOnboardingFailedEvent(unitId, accountId, "compliance_csid",
                        "Invalid-OTP", List.of(), Instant.now()))
                .expectActiveSagas(0);
    }

    @Test
    void aNewOtpStartsOnboardingAgain() {
        fixture.givenAggregate(unitId.toString()).published(registered,
                        new EgsOnboardingFailedEvent(unitId, accountId, "compliance_csid", "Invalid-OTP", List.of(), Instant.now()))
                .whenAggregate(unitId.toString()).publishes(new EgsOnboardingRestartedEvent(unitId, accountId, "123345", Instant.now()))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new RequestComplianceCsidCommand(unitId));
    }
}
