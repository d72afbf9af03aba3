package sa.qayd.query.egs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sa.qayd.query.processing.ProjectionWrites;
import sa.qayd.api.egs.EgsCertificateRenewedEvent;
import sa.qayd.api.egs.EgsOnboardingFailedEvent;
import sa.qayd.api.egs.EgsOnboardingRestartedEvent;
import sa.qayd.api.egs.EgsUnitOnboardedEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.api.egs.OnboardingStatus;

/** The units as integrators and the dashboard see them. Idempotent, so replays are safe. */
@Component
@ProcessingGroup("egs-units")
class EgsUnitProjection {
    private final JdbcTemplate jdbc;
    private final ProjectionWrites writes;
    private final ObjectMapper json;

    EgsUnitProjection(JdbcTemplate jdbc, ProjectionWrites writes, ObjectMapper json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    void on(EgsUnitRegisteredEvent event) throws JsonProcessingException {
        writes.update("""
                insert into egs_unit_view (egs_unit_id, account_id, environment, name, onboarding_status, identity, registered_at)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?) on conflict (egs_unit_id) do nothing""",
                event.egsUnitId(), event.accountId(), event.environment().name(), event.name(),
                OnboardingStatus.PENDING.name(), json.writeValueAsString(event.identity()),
                Timestamp.from(event.registeredAt()));
    }

    @EventHandler
    void on(EgsUnitOnboardedEvent event) {
        writes.update("""
                update egs_unit_view set onboarding_status = ?, onboarded_at = ?, certificate_serial = ?,
                    certificate_not_after = ? where egs_unit_id = ?""",
                OnboardingStatus.ACTIVE.name(), Timestamp.from(event.onboardedAt()), event.certificateSerial(),
                timestamp(event.certificateNotAfter()), event.egsUnitId());
    }

    @EventHandler
    void on(EgsCertificateRenewedEvent event) {
        writes.update("update egs_unit_view set certificate_serial = ?, certificate_not_after = ? where egs_unit_id = ?",
                event.certificateSerial(), timestamp(event.certificateNotAfter()), event.egsUnitId());
    }

    @EventHandler
    void on(EgsOnboardingFailedEvent event) throws JsonProcessingException {
        writes.update("""
                update egs_unit_view set onboarding_status = ?, failure_step = ?, failure_reason = ?,
                    failure_messages = cast(? as jsonb), failed_at = ? where egs_unit_id = ?""",
                OnboardingStatus.FAILED.name(), event.step(), event.reason(),
                json.writeValueAsString(event.messages() == null ? List.of() : event.messages()),
                Timestamp.from(event.failedAt()), event.egsUnitId());
    }

    /** A new OTP starts over: the refusal stays in the event history, not in the view. */
    @EventHandler
    void on(EgsOnboardingRestartedEvent event) {
        writes.update("""
                update egs_unit_view set onboarding_status = ?, failure_step = null, failure_reason = null,
                    failure_messages = null, failed_at = null where egs_unit_id = ?""",
                OnboardingStatus.PENDING.name(), event.egsUnitId());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from egs_unit_view");
    }
}
