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
import org.axonframework.eventhandling.ReplayStatus;
import sa.qayd.api.egs.EgsCertificateRenewalFailedEvent;
import sa.qayd.api.egs.EgsCertificateRenewalRequestedEvent;
import sa.qayd.api.egs.OnboardingStep;
import sa.qayd.platform.signal.Signals;
import sa.qayd.platform.signal.Topics;

/**
 * The units as integrators and the dashboard see them. Idempotent, so replays are safe. A new unit is
 * announced to every replica once it is readable, for a registration that answers only then.
 */
@Component
@ProcessingGroup("egs-units")
class EgsUnitProjection {
    static final String RENEWAL_PENDING = "pending";
    static final String RENEWAL_FAILED = "failed";
    private final JdbcTemplate jdbc;
    private final ProjectionWrites writes;
    private final ObjectMapper json;
    private final Signals signals;

    EgsUnitProjection(JdbcTemplate jdbc, ProjectionWrites writes, ObjectMapper json, Signals signals) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
        this.signals = signals;
    }

    @EventHandler
    void on(EgsUnitRegisteredEvent event, ReplayStatus replay) throws JsonProcessingException {
        writes.update("""
                insert into egs_unit_view (egs_unit_id, account_id, environment, name, onboarding_status, identity, registered_at)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?) on conflict (egs_unit_id) do nothing""",
                event.egsUnitId(), event.accountId(), event.environment().name(), event.name(),
                OnboardingStep.PENDING, json.writeValueAsString(event.identity()),
                Timestamp.from(event.registeredAt()));
        if (!replay.isReplay()) {
            signals.announce(Topics.EGS_UNIT_VIEW, event.egsUnitId().toString());
        }
    }

    @EventHandler
    void on(EgsUnitOnboardedEvent event) {
        writes.update("""
                update egs_unit_view set onboarding_status = ?, onboarded_at = ?, certificate_serial = ?,
                    certificate_not_after = ? where egs_unit_id = ?""",
                OnboardingStep.ACTIVE.status(), Timestamp.from(event.onboardedAt()), event.certificateSerial(),
                timestamp(event.certificateNotAfter()), event.egsUnitId());
    }

    @EventHandler
    void on(EgsCertificateRenewalRequestedEvent event) {
        writes.update("""
                update egs_unit_view set renewal_status = ?, renewal_reason = null, renewal_messages = null,
                    renewal_at = ? where egs_unit_id = ?""",
                RENEWAL_PENDING, Timestamp.from(event.requestedAt()), event.egsUnitId());
    }

    @EventHandler
    void on(EgsCertificateRenewedEvent event) {
        writes.update("""
                update egs_unit_view set certificate_serial = ?, certificate_not_after = ?, renewal_status = null,
                    renewal_reason = null, renewal_messages = null, renewal_at = ? where egs_unit_id = ?""",
                event.certificateSerial(), timestamp(event.certificateNotAfter()), Timestamp.from(event.renewedAt()),
                event.egsUnitId());
    }

    /** The current certificate stays in use; the refusal shows until the next renewal is asked for. */
    @EventHandler
    void on(EgsCertificateRenewalFailedEvent event) throws JsonProcessingException {
        writes.update("""
                update egs_unit_view set renewal_status = ?, renewal_reason = ?, renewal_messages = cast(? as jsonb),
                    renewal_at = ? where egs_unit_id = ?""",
                RENEWAL_FAILED, event.reason(), json.writeValueAsString(event.messages() == null ? List.of() : event.messages()),
                Timestamp.from(event.failedAt()), event.egsUnitId());
    }

    @EventHandler
    void on(EgsOnboardingFailedEvent event) throws JsonProcessingException {
        writes.update("""
                update egs_unit_view set onboarding_status = ?, failure_step = ?, failure_reason = ?,
                    failure_messages = cast(? as jsonb), failed_at = ? where egs_unit_id = ?""",
                OnboardingStep.FAILED.status(), event.step(), event.reason(),
                json.writeValueAsString(event.messages() == null ? List.of() : event.messages()),
                Timestamp.from(event.failedAt()), event.egsUnitId());
    }

    /** A new OTP starts over: the refusal stays in the event history, not in the view. */
    @EventHandler
    void on(EgsOnboardingRestartedEvent event) {
        writes.update("""
                update egs_unit_view set onboarding_status = ?, failure_step = null, failure_reason = null,
                    failure_messages = null, failed_at = null where egs_unit_id = ?""",
                OnboardingStep.PENDING, event.egsUnitId());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from egs_unit_view");
    }
}
