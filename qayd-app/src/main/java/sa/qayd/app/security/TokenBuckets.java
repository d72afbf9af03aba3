package sa.qayd.app.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client: each holds up to {@code requests} tokens and refills evenly over
 * {@code per}; a request takes one. Buckets that have refilled completely are forgotten, so the
 * map only holds clients that were busy lately.
 */
final class TokenBuckets {
    /** Beyond this many clients, full buckets are swept before a new one is added. */
    private static final int SWEEP_ABOVE = 10_000;

    private final RateLimitSettings.Limit limit;
    private final Clock clock;
    private final double tokensPerMilli;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }

    TokenBuckets(RateLimitSettings.Limit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
        this.tokensPerMilli = limit.requests() / (double) Math.max(1, limit.per().toMillis());
    }

    /** Takes a token for the client, or says how long until one is there. */
    Optional<Duration> take(String client) {
        long now = clock.millis();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> refilled(bucket, now) >= limit.requests());
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(limit.requests(), now));
        synchronized (bucket) {
            bucket.tokens = refilled(bucket, now);
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis((long) Math.ceil((1 - bucket.tokens) / tokensPerMilli)));
        }
    }

    private double refilled(Bucket bucket, long now) {
        return Math.min(limit.requests(), bucket.tokens + (now - bucket.refilledAt) * tokensPerMilli);
    }
}
