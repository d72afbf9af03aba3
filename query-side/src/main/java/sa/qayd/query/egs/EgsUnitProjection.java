package sa.qayd.query.egs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sa.qayd.api.egs.EgsUnitOnboardedEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.api.egs.OnboardingStatus;

/** The units as integrators and the dashboard see them. Idempotent, so replays are safe. */
@Component
@ProcessingGroup("egs-units")
class EgsUnitProjection {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    EgsUnitProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(EgsUnitRegisteredEvent event) throws JsonProcessingException {
        jdbc.update("""
                insert into egs_unit_view (egs_unit_id, account_id, environment, name, onboarding_status, identity, registered_at)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?) on conflict (egs_unit_id) do nothing""",
                event.egsUnitId(), event.accountId(), event.environment().name(), event.name(),
                OnboardingStatus.PENDING.name(), json.writeValueAsString(event.identity()),
                Timestamp.from(event.registeredAt()));
    }

    @EventHandler
    void on(EgsUnitOnboardedEvent event) {
        jdbc.update("update egs_unit_view set onboarding_status = ?, onboarded_at = ? where egs_unit_id = ?",
                OnboardingStatus.ACTIVE.name(), Timestamp.from(event.onboardedAt()), event.egsUnitId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from egs_unit_view");
    }
}
