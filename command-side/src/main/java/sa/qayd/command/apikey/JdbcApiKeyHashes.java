package sa.qayd.command.apikey;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The hashes as rows of {@code api_key_secret}; authentication looks them up. */
@Component
class JdbcApiKeyHashes implements ApiKeyHashes {
    private final JdbcTemplate jdbc;

    JdbcApiKeyHashes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void keep(UUID apiKeyId, String secretHash) {
        jdbc.update("insert into api_key_secret (api_key_id, secret_hash) values (?, ?)", apiKeyId, secretHash);
    }
}
