package sa.qayd.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The CSRF token lives in the logged-in session, and is only mirrored into the {@code XSRF-TOKEN}
 * cookie for the dashboard's script to read: a cookie and header pair the client made up itself
 * does not match the session's token. No session, no token: requests without a session carry no
 * ambient credential to forge, so they need none (and are answered 401 where they need one).
 */
class SessionCsrfTokens implements CsrfTokenRepository {
    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";
    private static final String PARAMETER = "_csrf";
    private static final String ATTRIBUTE = SessionCsrfTokens.class.getName() + ".token";

    private final boolean secureCookie;

    SessionCsrfTokens(boolean secureCookie) {
        this.secureCookie = secureCookie;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return new DefaultCsrfToken(HEADER, PARAMETER, UUID.randomUUID().toString());
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (token == null) {
            if (session != null) {
                session.removeAttribute(ATTRIBUTE);
            }
            writeCookie(response, "", Duration.ZERO);
        } else if (session != null) {
            session.setAttribute(ATTRIBUTE, token);
            writeCookie(response, token.getToken(), Duration.ofSeconds(-1));
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (CsrfToken) session.getAttribute(ATTRIBUTE);
    }

    /** A fresh token for a session that was just created (log-in), so a token known before it is worthless. */
    void issue(HttpServletRequest request, HttpServletResponse response) {
        saveToken(generateToken(request), request, response);
    }

    private void writeCookie(HttpServletResponse response, String value, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(COOKIE, value).path("/").sameSite("Strict").secure(secureCookie)
                .httpOnly(false).maxAge(maxAge).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
