package sa.qayd.app.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import sa.qayd.api.Caller;
import sa.qayd.api.ErrorCode;
import sa.qayd.app.http.Problems;
import sa.qayd.app.idempotency.IdempotencyRecords.Outcome;
import sa.qayd.app.idempotency.IdempotencyRecords.StoredResponse;
import sa.qayd.zatca.hash.Digests;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs and its answer is kept; a
 * retry with the same key and the same body gets that answer again without running anything; the
 * same key with another body is refused. Keys are scoped to the credential that sent them.
 * Server errors are not kept, so a retry after one really retries.
 */
class IdempotencyFilter extends OncePerRequestFilter {
    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyRecords records;
    private final Problems problems;

    IdempotencyFilter(IdempotencyRecords records, Problems problems) {
        this.records = records;
        this.problems = problems;
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
        CachedBodyRequest cached = new CachedBodyRequest(request);
        String scope = scope();
        String fingerprint = fingerprint(request, cached.body());
        Outcome outcome = records.begin(scope, key, fingerprint);
        switch (outcome.kind()) {
            case REUSED_WITH_OTHER_REQUEST -> problems.write(response, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this " + HEADER + " was already used with a different request; use a new key for a new request");
            case IN_PROGRESS -> problems.write(response, ErrorCode.IDEMPOTENCY_REQUEST_IN_PROGRESS,
                    "the first request with this " + HEADER + " is still running; retry shortly");
            case REPLAY -> replay(response, outcome.stored());
            case FIRST -> runAndKeep(cached, response, chain, scope, key);
        }
    }

    private void runAndKeep(CachedBodyRequest request, HttpServletResponse response, FilterChain chain, String scope,
                            String key) throws IOException, ServletException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, captured);
            if (captured.getStatus() < 500) {
                records.complete(scope, key, new StoredResponse(captured.getStatus(), captured.getContentType(),
                        captured.getContentAsByteArray()));
                kept = true;
            }
        } finally {
            if (!kept) {
                records.forget(scope, key);
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

    /** Keys of different credentials never collide; sign-up (no credential yet) shares one scope. */
    private static String scope() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller.isApiKey() ? "key:" + caller.apiKeyId() : "session:" + caller.accountId();
        }
        return "anonymous";
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        MessageDigest sha256 = Digests.sha256();
        sha256.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
        sha256.update(body);
        return HexFormat.of().formatHex(sha256.digest());
    }

}
