package sa.qayd.api.apikey;

import java.util.UUID;

public record DefaultEgsUnitClearedEvent(UUID apiKeyId, UUID accountId) {
}
