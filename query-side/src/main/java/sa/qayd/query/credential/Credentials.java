package sa.qayd.query.credential;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.apikey.ApiKeySecrets;

/** Resolves bearer secrets to callers, and accounts to what the dashboard shows of them. */
@Service
public class Credentials {
    private final JdbcTemplate jdbc;

    public Credentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The caller behind a live (not revoked) API key secret. */
    public Optional<Caller> authenticate(String secret) {
        if (ApiKeySecrets.environmentOf(secret).isEmpty()) {
            return Optional.empty();
        }
        List<Caller> callers = jdbc.query("""
                select c.account_id, c.api_key_id, c.environment, c.default_egs_unit_id
                from api_key_secret s join api_key_credential c on c.api_key_id = s.api_key_id
                where s.secret_hash = ? and c.revoked_at is null""",
                (rs, row) -> Caller.apiKey(rs.getObject("account_id", UUID.class), rs.getObject("api_key_id", UUID.class),
                        Environment.valueOf(rs.getString("environment")), rs.getObject("default_egs_unit_id", UUID.class)),
                ApiKeySecrets.hash(secret));
        return callers.stream().findFirst();
    }

    public record AccountSummary(UUID accountId, String email, String companyName, String vatNumber) {
    }

    public Optional<AccountSummary> account(UUID accountId) {
        return jdbc.query("select account_id, email, company_name, vat_number from account_credential where account_id = ?",
                (rs, row) -> new AccountSummary(rs.getObject("account_id", UUID.class), rs.getString("email"),
                        rs.getString("company_name"), rs.getString("vat_number")), accountId)
                .stream().findFirst();
    }
}
