package sa.qayd.command.apikey;

import java.util.UUID;

/**
 * Where a key's SHA-256 is kept for recognising the key on every request: out of the event store (events
 * are exported to auditors), written in the transaction of the command that issues the key.
 */
public interface ApiKeyHashes {

    void keep(UUID apiKeyId, String secretHash);
}
