package sa.qayd.api.egs;

import java.util.UUID;

/** Whether the unit's view exists yet, so a write can answer only once a read would find what it wrote. */
public record EgsUnitVisibleQuery(UUID egsUnitId) {
}
