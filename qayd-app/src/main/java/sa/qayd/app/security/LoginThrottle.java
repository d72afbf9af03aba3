package sa.qayd.app.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;

/**
 * Refuses log-ins to an e-mail address that saw too many wrong passwords lately, counted in
 * PostgreSQL so that spreading guesses over replicas does not help. A success clears the count.
 */
@Component
class LoginThrottle {
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    LoginThrottle(JdbcTemplate jdbc, Clock clock, @Value("${qayd.login.max-failures:10}") int maxFailures,
                  @Value("${qayd.login.failure-window:PT15M}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    void assertAllowed(String email) {
        Instant since = clock.instant().minus(window);
        Integer failures = jdbc.queryForObject("select count(*) from login_failure where email = ? and failed_at > ?",
                Integer.class, email, Timestamp.from(since));
        if (failures != null && failures >= maxFailures) {
            throw new QaydException(ErrorCode.TOO_MANY_LOGIN_ATTEMPTS, "too many wrong passwords for this e-mail; try again in "
                    + window.toMinutes() + " minutes");
        }
    }

    void failed(String email) {
        jdbc.update("delete from login_failure where failed_at < ?", Timestamp.from(clock.instant().minus(window)));
        jdbc.update("insert into login_failure (email, failed_at) values (?, ?)", email, Timestamp.from(clock.instant()));
    }

    void succeeded(String email) {
        jdbc.update("delete from login_failure where email = ?", email);
    }
}
