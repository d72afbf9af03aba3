package sa.qayd.command.webhook;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The secrets as rows of {@code webhook_secret}; the deliveries read them to sign. */
@Component
class JdbcWebhookSecrets implements WebhookSecrets {
    private final JdbcTemplate jdbc;

    JdbcWebhookSecrets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void keep(UUID webhookId, byte[] sealedSecret) {
        jdbc.update("insert into webhook_secret (webhook_id, sealed_secret) values (?, ?)", webhookId, sealedSecret);
    }
}
