package sa.qayd.command.egs;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.egs.EgsUnitVisibleQuery;
import sa.qayd.api.egs.InvoiceTypes;
import sa.qayd.api.egs.OnboardingStep;
import sa.qayd.api.egs.RegisterEgsUnitCommand;
import sa.qayd.api.egs.RenewEgsCertificateCommand;
import sa.qayd.api.egs.RestartEgsOnboardingCommand;
import sa.qayd.command.web.AddressRequest;
import sa.qayd.command.web.Commands;
import sa.qayd.command.web.FieldErrors;
import sa.qayd.command.web.SaudiFormats;
import sa.qayd.platform.signal.Signals;
import sa.qayd.platform.signal.Topics;

/**
 * Registers EGS units; ZATCA onboarding then runs in the background and clients poll the unit. The
 * fields are checked here one by one; what the unit becomes (its defaults, what ZATCA will certify) the
 * unit decides.
 */
@RestController
class EgsUnitController {
    private static final Pattern OTP = Pattern.compile("\\d{6}");
    /** Separators of the CSR serial number (1-solution|2-model|3-serial) that the unit's fields are composed into. */
    private static final Pattern CSR_SERIAL_SEPARATORS = Pattern.compile("[=|]");

    /** How long registration waits for the unit to be readable, so a GET right after the 202 finds it. */
    private static final Duration READABLE_WITHIN = Duration.ofSeconds(3);

    private final Commands commands;
    private final QueryGateway queries;
    private final Signals signals;

    EgsUnitController(Commands commands, QueryGateway queries, Signals signals) {
        this.commands = commands;
        this.queries = queries;
        this.signals = signals;
    }

    record RegisterEgsUnitRequest(
            String name,
            String otp,
            String environment,
            String serialNumber,
            String solutionName,
            String model,
            String branch,
            String organisationName,
            String vatNumber,
            String commercialRegistrationNumber,
            String invoiceTypes,
            String location,
            String industry,
            AddressRequest address) {
    }

    record RegisteredEgsUnit(UUID id, String name, String environment, String onboardingStatus) {
    }

    @Operation(summary = "Register an EGS unit",
            description = "With the OTP from the Fatoora portal (the embedded simulator accepts 123345). Onboarding"
                    + " runs in the background: compliance CSID, compliance checks, production CSID; GET "
                    + "/v1/egs/{id} shows onboarding_status pending, then active or failed.")
    @PostMapping("/v1/egs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RegisteredEgsUnit register(@AuthenticationPrincipal Caller caller, @RequestBody RegisterEgsUnitRequest request) {
        FieldErrors errors = new FieldErrors();
        errors.text("name", request.name(), true, 200);
        otp(errors, request.otp());
        csrField(errors, "serial_number", request.serialNumber(), true);
        csrField(errors, "solution_name", request.solutionName(), false);
        csrField(errors, "model", request.model(), true);
        csrField(errors, "branch", request.branch(), true);
        csrField(errors, "organisation_name", request.organisationName(), false);
        csrField(errors, "location", request.location(), true);
        csrField(errors, "industry", request.industry(), true);
        if (errors.text("vat_number", request.vatNumber(), false, 15)) {
            errors.check("vat_number", request.vatNumber(), SaudiFormats::isVatNumber, SaudiFormats.VAT_NUMBER_RULE);
        }
        if (errors.text("commercial_registration_number", request.commercialRegistrationNumber(), true, 10)) {
            errors.check("commercial_registration_number", request.commercialRegistrationNumber(),
                    crn -> crn.matches("\\d{10}"), "must be 10 digits");
        }
        InvoiceTypes invoiceTypes = invoiceTypes(errors, request.invoiceTypes());
        if (request.address() == null) {
            errors.add("address", "is required (the seller address printed on every invoice)");
        } else {
            request.address().validate(errors, "address");
        }
        errors.throwIfAny("the EGS unit request is invalid");

        Environment environment = caller.actingEnvironment(
                request.environment() == null ? null : Environment.fromWire(request.environment()));
        UUID id = UUID.randomUUID();
        EgsIdentity identity = new EgsIdentity(request.serialNumber(), request.solutionName(), request.model(), request.branch(),
                request.organisationName(), request.vatNumber(), request.commercialRegistrationNumber(), invoiceTypes,
                request.location(), request.industry(), request.address().toAddress());
        // registered first, so that a view faster than this thread is not missed
        try (Signals.Waiter readable = signals.waiter(Topics.EGS_UNIT_VIEW, id.toString())) {
            commands.send(new RegisterEgsUnitCommand(id, caller.accountId(), environment, request.name().trim(),
                    request.otp(), identity), ErrorCode.NOT_FOUND);
            awaitReadable(id, readable);
        }
        return new RegisteredEgsUnit(id, request.name().trim(), environment.wireName(), OnboardingStep.PENDING);
    }

    record OtpRequest(String otp) {
    }

    record RenewalRequested(UUID id, String certificateRenewal) {
    }

    /** A failed onboarding starts again with a new OTP from the Fatoora portal. */
    @Operation(summary = "Restart a failed onboarding with a new OTP")
    @PostMapping("/v1/egs/{id}/onboarding")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RegisteredEgsUnit restartOnboarding(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                        @RequestBody OtpRequest request) {
        String otp = validOtp(request);
        commands.send(new RestartEgsOnboardingCommand(id, caller, otp), ErrorCode.EGS_UNIT_NOT_FOUND);
        return new RegisteredEgsUnit(id, null, null, OnboardingStep.PENDING);
    }

    /**
     * Asks ZATCA for a new key's production certificate in the background; invoicing goes on with the
     * current one throughout. {@code GET /v1/egs/{id}} shows how it went ({@code certificate_renewal}).
     */
    @Operation(summary = "Renew the production certificate",
            description = "In the background with a new key and a new OTP; invoicing goes on with the current "
                    + "certificate. ZATCA answers the renewal with 428 and new compliance checks, which Qayd "
                    + "runs; certificate_renewal on GET /v1/egs/{id} and the certificate webhooks tell how it "
                    + "went.")
    @PostMapping("/v1/egs/{id}/renew")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RenewalRequested renew(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestBody OtpRequest request) {
        String otp = validOtp(request);
        commands.send(new RenewEgsCertificateCommand(id, caller, otp), ErrorCode.EGS_UNIT_NOT_FOUND);
        return new RenewalRequested(id, OnboardingStep.PENDING);
    }

    /** Views follow the events a moment later; a client that polls right after the 202 should not see a 404. */
    private void awaitReadable(UUID id, Signals.Waiter readable) {
        try {
            if (!queries.query(new EgsUnitVisibleQuery(id), Boolean.class).join()) {
                readable.await(READABLE_WITHIN);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String validOtp(OtpRequest request) {
        FieldErrors errors = new FieldErrors();
        otp(errors, request.otp());
        errors.throwIfAny("the OTP is invalid");
        return request.otp();
    }

    private static void otp(FieldErrors errors, String otp) {
        if (errors.text("otp", otp, true, 6)) {
            errors.check("otp", otp, o -> OTP.matcher(o).matches(), "must be the 6-digit OTP from the Fatoora portal");
        }
    }

    private static void csrField(FieldErrors errors, String field, String value, boolean required) {
        if (errors.csrField(field, value, required)) {
            errors.check(field, value, v -> !CSR_SERIAL_SEPARATORS.matcher(v).find(),
                    "must not contain = or | (they separate the parts of the certificate's serial number)");
        }
    }

    private static InvoiceTypes invoiceTypes(FieldErrors errors, String value) {
        if (value == null) {
            errors.add("invoice_types", "is required: standard, simplified or both");
            return null;
        }
        try {
            return InvoiceTypes.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("invoice_types", "must be standard, simplified or both");
            return null;
        }
    }
}
