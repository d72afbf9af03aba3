package sa.qayd.app.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import sa.qayd.api.Caller;
import sa.qayd.api.ErrorCode;
import sa.qayd.app.http.BodyTooLargeException;
import sa.qayd.app.http.Problems;
import sa.qayd.app.security.CallerAuthentication;
import sa.qayd.command.web.IdempotentRequests;
import sa.qayd.app.idempotency.IdempotencyRecords.Outcome;
import sa.qayd.app.idempotency.IdempotencyRecords.StoredResponse;
import sa.qayd.zatca.hash.Digests;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs and its answer is kept; a
 * retry with the same key and the same body gets that answer again without running anything; the
 * same key with another body is refused. Keys are scoped to the account (all its API keys and its
 * dashboard session), so two keys of one integration retrying the same request run it once.
 * Server errors are not kept, so a retry after one really retries, and a first request whose
 * process died frees its key once its lease lapses (see {@link IdempotencyLeases}).
 */
class IdempotencyFilter extends OncePerRequestFilter {
    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyRecords records;
    private final IdempotencyLeases leases;
    private final Problems problems;
    private final Duration lease;

    IdempotencyFilter(IdempotencyRecords records, IdempotencyLeases leases, IdempotencySettings settings, Problems problems) {
        this.records = records;
        this.leases = leases;
        this.problems = problems;
        this.lease = settings.lease();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            problems.write(response, ErrorCode.MALFORMED_REQUEST, HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters");
            return;
        }
        CachedBodyRequest cached;
        try {
            cached = new CachedBodyRequest(request);
        } catch (BodyTooLargeException tooLarge) {
            problems.write(response, ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.detail());
            return;
        }
        String scope = scope();
        String fingerprint = fingerprint(request, cached.body());
        Outcome outcome = records.begin(scope, key, fingerprint, lease);
        switch (outcome.kind()) {
            case REUSED_WITH_OTHER_REQUEST -> problems.write(response, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this " + HEADER + " was already used with a different request; use a new key for a new request");
            case IN_PROGRESS -> problems.write(response, ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                    "the first request with this " + HEADER + " is still running; retry shortly");
            case REPLAY -> replay(response, outcome.stored());
            case FIRST -> {
                // a retry that takes over a dead first run names what it creates as the first run did
                cached.setAttribute(IdempotentRequests.ATTRIBUTE, scope + "|" + key + "|" + outcome.firstRunAt());
                runAndKeep(cached, response, chain, new IdempotencyLeases.Held(scope, key));
            }
        }
    }

    private void runAndKeep(CachedBodyRequest request, HttpServletResponse response, FilterChain chain,
                            IdempotencyLeases.Held held) throws IOException, ServletException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        leases.hold(held);
        try {
            chain.doFilter(request, captured);
            if (captured.getStatus() < 500) {
                records.complete(held.scope(), held.key(), new StoredResponse(captured.getStatus(), captured.getContentType(),
                        captured.getContentAsByteArray()));
                kept = true;
            }
        } finally {
            leases.release(held);
            if (!kept) {
                records.forget(held.scope(), held.key());
            }
            captured.copyBodyToResponse();
        }
    }

    private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(stored.body());
    }

    /** Keys of different accounts never collide; sign-up (no account yet) shares one scope. */
    private static String scope() {
        Caller caller = CallerAuthentication.current();
        return caller == null ? "anonymous" : scope(caller);
    }

    static String scope(Caller caller) {
        return "account:" + caller.accountId();
    }

    /**
     * The request as it would run: method, path, body, and the environment an API key acts in (a
     * sandbox and a production key of one account asking the same must not share an answer).
     */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        Caller caller = CallerAuthentication.current();
        String actingAs = caller == null ? "anonymous" : caller.isApiKey() ? caller.keyEnvironment().name() : "session";
        MessageDigest sha256 = Digests.sha256();
        sha256.update((request.getMethod() + " " + request.getRequestURI() + " " + actingAs + "\n").getBytes(StandardCharsets.UTF_8));
        sha256.update(body);
        return HexFormat.of().formatHex(sha256.digest());
    }
}
