package sa.qayd.command.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;

/** The log-ins as rows of {@code account_login}, keyed by e-mail. */
@Component
public class JdbcLogins implements Logins {
    private final JdbcTemplate jdbc;

    public JdbcLogins(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a log-in is checked against. */
    public record Login(UUID accountId, String passwordHash) {
    }

    @Override
    public void open(UUID accountId, String email, String passwordHash) {
        int opened = jdbc.update("""
                insert into account_login (email, account_id, password_hash) values (?, ?, ?)
                on conflict (email) do nothing""", email, accountId, passwordHash);
        if (opened == 0) {
            throw new QaydException(ErrorCode.EMAIL_ALREADY_REGISTERED, "an account with this e-mail already exists; log in instead");
        }
    }

    @Override
    public void close(UUID accountId) {
        jdbc.update("delete from account_login where account_id = ?", accountId);
    }

    public Optional<Login> find(String email) {
        return jdbc.query("select account_id, password_hash from account_login where email = ?",
                (rs, row) -> new Login(rs.getObject("account_id", UUID.class), rs.getString("password_hash")), email)
                .stream().findFirst();
    }
}
