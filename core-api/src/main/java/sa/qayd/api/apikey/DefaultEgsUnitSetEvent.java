package sa.qayd.api.apikey;

import java.util.UUID;

public record DefaultEgsUnitSetEvent(UUID apiKeyId, UUID accountId, UUID egsUnitId) {
}
