package sa.qayd.query.egs;

import io.swagger.v3.oas.annotations.Operation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.qayd.api.Address;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.egs.EgsIdentity;
import sa.qayd.api.egs.EgsUnitVisibleQuery;

/** Reads units. Another tenant's unit is "not found"; an API key sees only its environment's units. */
@RestController
class EgsUnitQueryController {
    private static final String COLUMNS = """
            select egs_unit_id, name, environment, onboarding_status, identity, registered_at, onboarded_at,
                   certificate_serial, certificate_not_after, failure_step, failure_reason, failure_messages, failed_at,
                   renewal_status, renewal_reason, renewal_messages, renewal_at
            from egs_unit_view""";
    private static final TypeReference<List<ZatcaMessage>> MESSAGES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration certificateWarning;

    EgsUnitQueryController(JdbcTemplate jdbc, ObjectMapper json, Clock clock, EgsViewSettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.certificateWarning = settings.certificateExpiryWarning();
    }

    /**
     * The same field names as the registration request, plus state: the production certificate once
     * onboarded, ZATCA's refusal while failed, and warnings to act on (e.g. a certificate about to expire).
     */
    record EgsUnitView(UUID id, String name, String environment, String onboardingStatus, String serialNumber,
                       String solutionName, String model, String branch, String organisationName, String vatNumber,
                       String commercialRegistrationNumber, String invoiceTypes, String location, String industry,
                       Address address, Instant createdAt, Instant onboardedAt, String certificateSerial,
                       Instant certificateExpiresAt, OnboardingFailure onboardingFailure,
                       CertificateRenewal certificateRenewal, List<UnitWarning> warnings) {
    }

    /**
     * The last certificate renewal that did not end in a new certificate: {@code pending} while ZATCA is
     * asked, {@code failed} with ZATCA's reason (the current certificate stays in use). Null otherwise.
     */
    record CertificateRenewal(String status, String reason, List<ZatcaMessage> messages, Instant at) {
    }

    /** Which onboarding step ZATCA refused, and what it said. */
    record OnboardingFailure(String step, String reason, List<ZatcaMessage> messages, Instant failedAt) {
    }

    record EgsUnitList(List<EgsUnitView> data) {
    }

    @Operation(summary = "Get an EGS unit",
            description = "Its onboarding status (with ZATCA's reason when failed), certificate and renewal.")
    @GetMapping("/v1/egs/{id}")
    EgsUnitView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        EgsUnitView unit = jdbc.query(COLUMNS + " where egs_unit_id = ? and account_id = ?", this::view, id, caller.accountId())
                .stream().findFirst()
                .orElseThrow(() -> new QaydException(ErrorCode.EGS_UNIT_NOT_FOUND, "no EGS unit " + id + " in this account"));
        if (!caller.canAct(Environment.fromWire(unit.environment()))) {
            throw new QaydException(ErrorCode.EGS_UNIT_ENVIRONMENT_MISMATCH, "EGS unit " + id + " is a "
                    + unit.environment() + " unit; a " + caller.keyEnvironment().wireName() + " API key cannot read it");
        }
        return unit;
    }

    @QueryHandler
    boolean handle(EgsUnitVisibleQuery query) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from egs_unit_view where egs_unit_id = ?)",
                Boolean.class, query.egsUnitId()));
    }

    @Operation(summary = "List EGS units")
    @GetMapping("/v1/egs")
    EgsUnitList list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String environment) {
        Environment scope = caller.listingScope(environment == null ? null : Environment.fromWire(environment));
        StringBuilder sql = new StringBuilder(COLUMNS + " where account_id = ?");
        List<Object> args = new ArrayList<>(List.of(caller.accountId()));
        if (scope != null) {
            sql.append(" and environment = ?");
            args.add(scope.name());
        }
        sql.append(" order by registered_at, egs_unit_id");
        return new EgsUnitList(jdbc.query(sql.toString(), this::view, args.toArray()));
    }

    private EgsUnitView view(ResultSet rs, int row) throws SQLException {
        Instant certificateNotAfter = instant(rs.getTimestamp("certificate_not_after"));
        try {
            EgsIdentity identity = json.readValue(rs.getString("identity"), EgsIdentity.class);
            OnboardingFailure failure = rs.getString("failure_step") == null ? null
                    : new OnboardingFailure(rs.getString("failure_step"), rs.getString("failure_reason"),
                            json.readValue(rs.getString("failure_messages"), MESSAGES), instant(rs.getTimestamp("failed_at")));
            CertificateRenewal renewal = rs.getString("renewal_status") == null ? null
                    : new CertificateRenewal(rs.getString("renewal_status"), rs.getString("renewal_reason"),
                            rs.getString("renewal_messages") == null ? List.of()
                                    : json.readValue(rs.getString("renewal_messages"), MESSAGES),
                            instant(rs.getTimestamp("renewal_at")));
            return new EgsUnitView(rs.getObject("egs_unit_id", UUID.class), rs.getString("name"),
                    Environment.valueOf(rs.getString("environment")).wireName(),
                    rs.getString("onboarding_status"),
                    identity.serialNumber(), identity.solutionName(), identity.model(), identity.branch(),
                    identity.organisationName(), identity.vatNumber(), identity.commercialRegistrationNumber(),
                    identity.invoiceTypes().name().toLowerCase(Locale.ROOT), identity.location(), identity.industry(),
                    identity.address(), rs.getTimestamp("registered_at").toInstant(),
                    instant(rs.getTimestamp("onboarded_at")), rs.getString("certificate_serial"), certificateNotAfter,
                    failure, renewal, UnitWarning.forCertificate(certificateNotAfter, clock.instant(), certificateWarning));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("egs_unit_view holds JSON it cannot read", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
