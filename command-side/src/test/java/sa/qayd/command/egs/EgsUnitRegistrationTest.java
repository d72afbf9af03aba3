package sa.qayd.command.egs;

import static org.assertj.core.api.Assertions.assertThat;
import static sa.qayd.command.Fixtures.refusal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.qayd.api.Address;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.account.AccountRegisteredEvent;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.api.egs.InvoiceTypes;
import sa.qayd.api.egs.RegisterEgsUnitCommand;
import sa.qayd.api.privacy.PersonalData;
import sa.qayd.command.account.AccountRegistrations;
import sa.qayd.command.zatca.DeveloperPortal;

/** What a new unit becomes is the unit's decision: the account's defaults, and only an identity ZATCA will certify. */
class EgsUnitRegistrationTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Address RIYADH = new Address("King Fahd Rd", "1234", null, "Olaya", "Riyadh", "12345", "SA");

    private final AggregateTestFixture<EgsUnit> fixture = new AggregateTestFixture<>(EgsUnit.class);
    private final InMemoryOneTimePasswords otps = new InMemoryOneTimePasswords();
    private final UUID accountId = UUID.randomUUID();
    private final UUID unitId = UUID.randomUUID();
    private String accountVatNumber = "399999999900003";
    private boolean developerPortal;

    @BeforeEach
    void injectTheUnitsCollaborators() {
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(otps);
        fixture.registerInjectableResource((AccountRegistrations) id -> id.equals(accountId)
                ? Optional.of(new AccountRegisteredEvent(accountId, "Acme Trading", PersonalData.sealed("x"),
                        accountVatNumber, NOW))
                : Optional.empty());
        fixture.registerInjectableResource((DeveloperPortal) environment -> developerPortal);
    }

    private static EgsIdentity requested(String solutionName, String branch, String vatNumber, Address address) {
        return new EgsIdentity("SN-1", solutionName, "POS", branch, null, vatNumber, "1010010000", InvoiceTypes.BOTH,
                "RRRD2929", "Retail", address);
    }

    private RegisterEgsUnitCommand register(EgsIdentity identity) {
        return new RegisterEgsUnitCommand(unitId, accountId, Environment.SANDBOX, "Till 1", "123345", identity);
    }

    @Test
    void aUnitTakesTheAccountsNameAndVatNumberAndQaydAsSolutionWhereTheRequestNamesNone() {
        EgsIdentity decided = new EgsIdentity("SN-1", "Qayd", "POS", "Riyadh HQ", "Acme Trading", "399999999900003",
                "1010010000", InvoiceTypes.BOTH, "RRRD2929", "Retail", RIYADH);

        fixture.givenNoPriorActivity()
                .when(register(requested(null, "Riyadh HQ", null, RIYADH)))
                .expectEvents(new EgsUnitRegisteredEvent(unitId, accountId, Environment.SANDBOX, "Till 1", decided, NOW));
        assertThat(otps.onboarding).containsEntry(unitId, "123345");
    }

    @Test
    void aUnitOutsideSaudiArabiaIsRefusedWithNothingKept() {
        Address dubai = new Address("Sheikh Zayed Rd", "1234", null, "Trade Centre", "Dubai", "12345", "AE");

        fixture.givenNoPriorActivity()
                .when(register(requested("POS Suite", "Riyadh HQ", null, dubai)))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
        assertThat(otps.onboarding).isEmpty();
    }

    @Test
    void aVatGroupsUnitMustNameItsMembersTinAsBranch() {
        accountVatNumber = "311111111111113";

        fixture.givenNoPriorActivity()
                .when(register(requested("POS Suite", "Riyadh HQ", null, RIYADH)))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void theDeveloperPortalCertifiesOnlyTheSdksVatNumber() {
        developerPortal = true;

        fixture.givenNoPriorActivity()
                .when(register(requested("POS Suite", "Riyadh HQ", "300000000000003", RIYADH)))
                .expectException(refusal(ErrorCode.EGS_UNIT_VAT_NUMBER_NOT_ACCEPTED))
                .expectNoEvents();
    }
}
