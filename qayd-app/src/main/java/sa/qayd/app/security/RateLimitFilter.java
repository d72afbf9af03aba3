package sa.qayd.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import sa.qayd.api.Caller;
import sa.qayd.api.ErrorCode;
import sa.qayd.app.http.Problems;

/**
 * Per-client rate limits on {@code /v1}: sign-up and log-in per client address, everything else
 * per account once authenticated. A client over its limit is answered 429 with {@code Retry-After}.
 * Behind a reverse proxy set {@code server.forward-headers-strategy} so the client address is the
 * client's, not the proxy's.
 */
class RateLimitFilter extends OncePerRequestFilter {
    private final TokenBuckets signUps;
    private final TokenBuckets logIns;
    private final TokenBuckets api;
    private final Problems problems;

    RateLimitFilter(RateLimitSettings settings, Clock clock, Problems problems) {
        this.signUps = new TokenBuckets(settings.signUp(), clock);
        this.logIns = new TokenBuckets(settings.logIn(), clock);
        this.api = new TokenBuckets(settings.api(), clock);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean post = "POST".equals(request.getMethod());
        Optional<Duration> wait;
        if (post && "/v1/onboard".equals(request.getRequestURI())) {
            wait = signUps.take(ClientAddress.of(request));
        } else if (post && "/v1/session".equals(request.getRequestURI())) {
            wait = logIns.take(ClientAddress.of(request));
        } else {
            Caller caller = CallerAuthentication.current();
            wait = api.take(caller == null ? ClientAddress.of(request) : "account:" + caller.accountId());
        }
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(response, ErrorCode.RATE_LIMITED, "too many requests; retry in " + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
    }
}
