package sa.qayd.command.egs;

import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.api.account.AccountRegisteredEvent;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.egs.RegisterEgsUnitCommand;
import sa.qayd.command.web.FieldErrors;
import sa.qayd.zatca.csr.CsrConfig;
import sa.qayd.zatca.sdk.SdkIdentity;

/**
 * The identity a new unit gets: the account's company name and VAT number where the request names none,
 * Qayd as the solution's name, and only an identity ZATCA will certify and its gateway will accept, so
 * that a registration that cannot end well is refused now instead of failing onboarding later.
 */
final class UnitRegistration {
    static final String DEFAULT_SOLUTION_NAME = "Qayd";
    private static final String SAUDI_ARABIA = "SA";

    private UnitRegistration() {
    }

    static EgsIdentity identity(RegisterEgsUnitCommand command, AccountRegisteredEvent account, boolean developerPortal) {
        EgsIdentity requested = command.identity();
        EgsIdentity identity = requested.withDefaults(account.companyName(), account.vatNumber());
        if (identity.solutionName() == null) {
            identity = new EgsIdentity(identity.serialNumber(), DEFAULT_SOLUTION_NAME, identity.model(), identity.branch(),
                    identity.organisationName(), identity.vatNumber(), identity.commercialRegistrationNumber(),
                    identity.invoiceTypes(), identity.location(), identity.industry(), identity.address());
        }
        FieldErrors errors = new FieldErrors();
        if (requested.organisationName() == null) {
            CsrConfig.fieldProblem(identity.organisationName()).ifPresent(problem -> errors.add("organisation_name",
                    "is required: the account's company name cannot be the unit's organisation name in ZATCA's certificate (it "
                            + problem + ")"));
        }
        CsrConfig.organizationUnitProblem(identity.vatNumber(), identity.branch()).ifPresent(problem -> errors.add("branch",
                requested.vatNumber() == null ? problem + "; the account's VAT number is a group's" : problem));
        if (!SAUDI_ARABIA.equalsIgnoreCase(identity.address().country())) {
            errors.add("address.country", "must be SA: EGS units are located in Saudi Arabia");
        }
        errors.throwIfAny("the EGS unit request is invalid");
        if (developerPortal && !SdkIdentity.VAT_NUMBER.equals(identity.vatNumber())) {
            throw new QaydException(ErrorCode.EGS_UNIT_VAT_NUMBER_NOT_ACCEPTED, "this environment talks to ZATCA's "
                    + "developer portal, which issues every unit the SDK's test certificate and accepts only its VAT number "
                    + SdkIdentity.VAT_NUMBER + ". Register the unit with vat_number " + SdkIdentity.VAT_NUMBER
                    + " for a smoke test, or point the environment at ZATCA's simulation gateway "
                    + "(qayd.zatca.sandbox.gateway=simulation), the realistic sandbox for your own VAT number");
        }
        return identity;
    }
}
