package sa.qayd.command.egs;

import java.util.Optional;
import java.util.UUID;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;

/** What a unit recorded when it was registered (its account and environment never change), for decisions of others. */
public interface EgsUnitRegistrations {

    /** Empty when no unit has this id. */
    Optional<EgsUnitRegisteredEvent> unit(UUID egsUnitId);
}
