package sa.qayd.command.apikey;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import sa.qayd.api.Environment;
import sa.qayd.api.apikey.ApiKeySecrets;
import sa.qayd.api.apikey.IssueApiKeyCommand;

/** A freshly generated key: the command that stores its hash, and the one-time view with the secret. */
public record NewApiKey(IssueApiKeyCommand command, Shown shown) {

    /** What the client sees once: the whole secret in {@code key}. */
    public record Shown(UUID id, String name, String environment, String key, String maskedKey, Instant createdAt) {
    }

    public static NewApiKey create(UUID accountId, Environment environment, String name, Clock clock) {
        UUID id = UUID.randomUUID();
        String secret = ApiKeySecrets.newSecret(environment);
        String masked = ApiKeySecrets.mask(secret);
        return new NewApiKey(
                new IssueApiKeyCommand(id, accountId, environment, name, ApiKeySecrets.hash(secret), masked),
                new Shown(id, name, environment.wireName(), secret, masked, clock.instant()));
    }
}
