package sa.qayd.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import sa.qayd.api.Caller;
import sa.qayd.api.ErrorCode;
import sa.qayd.app.http.Problems;
import sa.qayd.query.credential.Credentials;

/**
 * {@code Authorization: Bearer qk_…}. A present but unknown or revoked key is refused here, at
 * once, even where a session cookie would otherwise authenticate the request.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    static final String BEARER = "Bearer ";

    private final Credentials credentials;
    private final Problems problems;

    ApiKeyAuthenticationFilter(Credentials credentials, Problems problems) {
        this.credentials = credentials;
        this.problems = problems;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = request.getHeader("Authorization").substring(BEARER.length()).trim();
        Optional<Caller> caller = credentials.authenticate(secret);
        if (caller.isEmpty()) {
            problems.write(response, ErrorCode.UNAUTHORIZED, "the API key is unknown or revoked");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new CallerAuthentication(caller.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
