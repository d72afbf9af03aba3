package sa.qayd.command.egs;

import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.egs.RegisterEgsUnitCommand;
import sa.qayd.command.account.Account;
import sa.qayd.command.web.FieldErrors;
import sa.qayd.command.zatca.ZatcaGateways;
import sa.qayd.zatca.csr.CsrConfig;
import sa.qayd.zatca.sdk.SdkIdentity;

/**
 * Registers units. A unit's organisation name and VAT number default to its account's, which only
 * the Account aggregate knows, so registration reads it before creating the unit, and refuses the
 * request when those defaults cannot go into the unit's certificate request (a company name longer
 * than a CSR field, a VAT group's branch that is not the member's TIN) instead of failing onboarding.
 */
@Component
class EgsUnitRegistrar {
    private final Repository<Account> accounts;
    private final Repository<EgsUnit> units;
    private final ZatcaGateways gateways;
    private final OneTimePasswords otps;
    private final Clock clock;

    EgsUnitRegistrar(Repository<Account> accounts, Repository<EgsUnit> units, ZatcaGateways gateways,
                     OneTimePasswords otps, Clock clock) {
        this.accounts = accounts;
        this.units = units;
        this.gateways = gateways;
        this.otps = otps;
        this.clock = clock;
    }

    @CommandHandler
    public UUID handle(RegisterEgsUnitCommand command) throws Exception {
        Account account = accounts.load(command.accountId().toString()).invoke(a -> a);
        EgsIdentity identity = command.identity().withDefaults(account.companyName(), account.vatNumber());
        refuseUncertifiableDefaults(command.identity(), identity);
        if (gateways.isDeveloperPortal(command.environment()) && !SdkIdentity.VAT_NUMBER.equals(identity.vatNumber())) {
            throw new QaydException(ErrorCode.EGS_UNIT_VAT_NUMBER_NOT_ACCEPTED, "this environment talks to ZATCA's "
                    + "developer portal, which issues every unit the SDK's test certificate and accepts only its VAT number "
                    + SdkIdentity.VAT_NUMBER + ". Register the unit with vat_number " + SdkIdentity.VAT_NUMBER
                    + " for a smoke test, or point the environment at ZATCA's simulation gateway "
                    + "(qayd.zatca.sandbox.gateway=simulation), the realistic sandbox for your own VAT number");
        }
        RegisterEgsUnitCommand completed = new RegisterEgsUnitCommand(command.egsUnitId(), command.accountId(),
                command.environment(), command.name(), command.otp(), identity);
        units.newInstance(() -> new EgsUnit(completed, otps, clock));
        return command.egsUnitId();
    }

    private static void refuseUncertifiableDefaults(EgsIdentity requested, EgsIdentity completed) {
        FieldErrors errors = new FieldErrors();
        if (requested.organisationName() == null) {
            CsrConfig.fieldProblem(completed.organisationName()).ifPresent(problem -> errors.add("organisation_name",
                    "is required: the account's company name cannot be the unit's organisation name in ZATCA's certificate (it "
                            + problem + ")"));
        }
        if (requested.vatNumber() == null) {
            CsrConfig.organizationUnitProblem(completed.vatNumber(), completed.branch()).ifPresent(problem ->
                    errors.add("branch", problem + "; the account's VAT number is a group's"));
        }
        errors.throwIfAny("the EGS unit request is invalid");
    }
}
