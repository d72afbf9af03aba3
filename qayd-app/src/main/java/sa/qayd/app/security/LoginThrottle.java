package sa.qayd.app.security;

import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import sa.qayd.app.persistence.Intervals;
import org.springframework.stereotype.Component;
import sa.qayd.api.ErrorCode;
import sa.qayd.app.http.RetryLaterException;

/**
 * Slows down password guessing per e-mail address and client address, in PostgreSQL so that
 * spreading guesses over replicas does not help. Every attempt is counted before its password is
 * checked, atomically, so that parallel guesses cannot all be checked; a right password counts only
 * while the pair is within its budget. Past {@code max-failures} attempts in the window, the pair is
 * refused for a backoff that starts at {@code backoff} and doubles with every further attempt, up
 * to the window. Keyed by client address, a stranger cannot lock the owner out by failing on purpose.
 */
@Component
class LoginThrottle {
    private final JdbcTemplate jdbc;
    private final LoginSettings settings;

    LoginThrottle(JdbcTemplate jdbc, LoginSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Counts the attempt, or refuses it while the pair backs off. */
    void attempt(String email, String source) {
        List<Integer> counted = jdbc.queryForList("""
                insert into login_throttle as t (email, source, attempts, last_attempt_at) values (?, ?, 1, now())
                on conflict (email, source) do update set
                    attempts = case when t.last_attempt_at < now() - ? then 1 else t.attempts + 1 end,
                    last_attempt_at = now(),
                    blocked_until = null
                where t.blocked_until is null or t.blocked_until <= now()
                returning attempts""", Integer.class, email, source, Intervals.of(settings.failureWindow()));
        if (counted.isEmpty()) {
            throw refusal(email, source);
        }
        int beyond = counted.get(0) - settings.maxFailures();
        if (beyond > 0) {
            Duration backoff = settings.backoff().multipliedBy(1L << Math.min(beyond - 1, 20));
            jdbc.update("update login_throttle set blocked_until = now() + ? where email = ? and source = ?",
                    Intervals.of(backoff.compareTo(settings.failureWindow()) > 0 ? settings.failureWindow() : backoff), email, source);
            throw refusal(email, source);
        }
    }

    /**
     * A right password: the pair starts afresh, unless parallel attempts used up its budget while
     * this one was checked (then it is refused like them, so a burst never logs in).
     */
    void succeeded(String email, String source) {
        int cleared = jdbc.update("delete from login_throttle where email = ? and source = ? and attempts <= ?",
                email, source, settings.maxFailures());
        if (cleared == 0) {
            throw refusal(email, source);
        }
    }

    /** Pairs that neither tried lately nor back off are forgotten. */
    void forgetStale() {
        jdbc.update("delete from login_throttle where last_attempt_at < now() - ? and (blocked_until is null or blocked_until < now())",
                Intervals.of(settings.failureWindow()));
    }

    private RetryLaterException refusal(String email, String source) {
        Long seconds = jdbc.queryForObject("""
                select ceil(extract(epoch from coalesce(max(blocked_until), now()) - now()))::bigint
                from login_throttle where email = ? and source = ?""", Long.class, email, source);
        Duration retryAfter = Duration.ofSeconds(Math.max(1, seconds == null ? 1 : seconds));
        return new RetryLaterException(ErrorCode.TOO_MANY_LOGIN_ATTEMPTS,
                "too many log-in attempts for this e-mail from here; try again in " + retryAfter.toSeconds() + " s", retryAfter);
    }
}
