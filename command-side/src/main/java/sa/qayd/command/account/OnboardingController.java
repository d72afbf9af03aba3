package sa.qayd.command.account;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.account.RegisterAccountCommand;
import sa.qayd.command.apikey.NewApiKey;
import sa.qayd.command.web.Commands;
import sa.qayd.command.web.FieldErrors;
import sa.qayd.command.web.SaudiFormats;

/** Sign-up: an account and its first API key, shown in full exactly once. */
@RestController
class OnboardingController {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Commands commands;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    OnboardingController(Commands commands, PasswordEncoder passwordEncoder, Clock clock) {
        this.commands = commands;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    record OnboardRequest(String companyName, String email, String password, String vatNumber, String environment) {
    }

    record OnboardResponse(UUID accountId, String companyName, String email, NewApiKey.Shown apiKey) {
    }

    @Operation(summary = "Sign up",
            description = "An account and its first API key (sandbox unless environment says production), shown in "
                    + "full exactly once.")
    @PostMapping("/v1/onboard")
    @ResponseStatus(HttpStatus.CREATED)
    OnboardResponse onboard(@RequestBody OnboardRequest request) {
        FieldErrors errors = new FieldErrors();
        errors.text("company_name", request.companyName(), true, 200);
        if (errors.text("email", request.email(), true, 254)) {
            errors.check("email", request.email().trim(), e -> EMAIL.matcher(e).matches(), "is not an e-mail address");
        }
        Passwords.check(errors, "password", request.password());
        if (errors.text("vat_number", request.vatNumber(), true, 15)) {
            errors.check("vat_number", request.vatNumber(), SaudiFormats::isVatNumber, SaudiFormats.VAT_NUMBER_RULE);
        }
        errors.throwIfAny("the sign-up request is invalid");
        Environment environment = request.environment() == null ? Environment.SANDBOX : Environment.fromWire(request.environment());

        UUID accountId = UUID.randomUUID();
        NewApiKey firstKey = NewApiKey.create(accountId, environment, "First key", clock);
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        commands.send(new RegisterAccountCommand(accountId, request.companyName().trim(), email,
                passwordEncoder.encode(request.password()), request.vatNumber(), firstKey.command()), ErrorCode.NOT_FOUND);
        return new OnboardResponse(accountId, request.companyName().trim(), email, firstKey.shown());
    }
}
