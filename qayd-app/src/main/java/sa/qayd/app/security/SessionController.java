package sa.qayd.app.security;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sa.qayd.api.Caller;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.command.account.JdbcLogins;
import sa.qayd.command.account.Passwords;
import sa.qayd.command.web.FieldErrors;
import sa.qayd.query.credential.Credentials;

/** The dashboard's login session: a cookie that may manage both environments of the account. */
@RestController
class SessionController {
    private static final int MAX_EMAIL_LENGTH = 254;
    /** Compared against when the e-mail is unknown, so both failures take the same time. */
    private final String decoyHash;
    private final Credentials credentials;
    private final JdbcLogins logins;
    private final PasswordEncoder passwords;
    private final SecurityContextRepository contexts;
    private final LoginThrottle throttle;
    private final SessionCsrfTokens csrfTokens;

    SessionController(Credentials credentials, JdbcLogins logins, PasswordEncoder passwords,
                      SecurityContextRepository contexts, LoginThrottle throttle, SessionCsrfTokens csrfTokens) {
        this.logins = logins;
        this.throttle = throttle;
        this.csrfTokens = csrfTokens;
        this.credentials = credentials;
        this.passwords = passwords;
        this.contexts = contexts;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    record LoginRequest(String email, String password) {
    }

    /** Who is logged in; {@code api_key_id} and {@code environment} are set when the caller is an API key. */
    record SessionView(UUID accountId, String email, String companyName, String vatNumber, UUID apiKeyId,
                       String environment) {
    }

    @Operation(summary = "Log in to the dashboard",
            description = "Sets the session cookie and the XSRF-TOKEN cookie, whose value unsafe session requests "
                    + "send back as X-XSRF-TOKEN.")
    @PostMapping("/v1/session")
    SessionView login(@RequestBody LoginRequest login, HttpServletRequest request, HttpServletResponse response) {
        String email = login.email() == null ? "" : login.email().trim().toLowerCase(Locale.ROOT);
        FieldErrors errors = new FieldErrors();
        errors.text("email", email, false, MAX_EMAIL_LENGTH);
        errors.throwIfAny("the log-in request is invalid");
        String source = ClientAddress.of(request);
        throttle.attempt(email, source);
        Optional<JdbcLogins.Login> account = logins.find(email);
        String password = login.password() == null ? "" : login.password();
        // a password bcrypt cannot read was never accepted at sign-up: wrong, without asking bcrypt
        boolean matches = Passwords.fitsBcrypt(password)
                && passwords.matches(password, account.map(JdbcLogins.Login::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches) {
            throttle.forgetStale();
            throw new QaydException(ErrorCode.INVALID_CREDENTIALS, "e-mail or password is wrong");
        }
        throttle.succeeded(email, source);
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            existing.invalidate();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(Caller.session(account.get().accountId())));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        csrfTokens.issue(request, response);
        return current(Caller.session(account.get().accountId()));
    }

    @Operation(summary = "Who is logged in")
    @GetMapping("/v1/session")
    SessionView current(@AuthenticationPrincipal Caller caller) {
        Credentials.AccountSummary account = credentials.account(caller.accountId()).orElseThrow(() ->
                new QaydException(ErrorCode.UNAUTHORIZED, "the account of this credential no longer exists"));
        return new SessionView(account.accountId(), account.email(), account.companyName(), account.vatNumber(),
                caller.apiKeyId(), caller.isApiKey() ? caller.keyEnvironment().wireName() : null);
    }

    @Operation(summary = "Log out")
    @DeleteMapping("/v1/session")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(HttpServletRequest request, HttpServletResponse response) {
        csrfTokens.saveToken(null, request, response);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }
}
