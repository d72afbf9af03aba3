package sa.qayd.query.credential;

import io.swagger.v3.oas.annotations.Operation;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.qayd.api.Caller;
import sa.qayd.api.Environment;

/** Lists the account's keys, masked. An API key sees only its own environment's keys. */
@RestController
class ApiKeyQueryController {
    private final JdbcTemplate jdbc;

    ApiKeyQueryController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record ApiKeyView(UUID id, String name, String environment, String maskedKey, UUID defaultEgsUnitId,
                      String status, Instant createdAt, Instant revokedAt) {
    }

    record ApiKeyList(List<ApiKeyView> data) {
    }

    @Operation(summary = "List API keys",
            description = "Masked; a key lists its own environment, the session both.")
    @GetMapping("/v1/api-keys")
    ApiKeyList list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String environment) {
        Environment scope = caller.listingScope(environment == null ? null : Environment.fromWire(environment));
        StringBuilder sql = new StringBuilder("""
                select api_key_id, name, environment, masked_secret, default_egs_unit_id, issued_at, revoked_at
                from api_key_credential where account_id = ?""");
        List<Object> args = new ArrayList<>(List.of(caller.accountId()));
        if (scope != null) {
            sql.append(" and environment = ?");
            args.add(scope.name());
        }
        sql.append(" order by issued_at, api_key_id");
        return new ApiKeyList(jdbc.query(sql.toString(), (rs, row) -> {
            Timestamp revokedAt = rs.getTimestamp("revoked_at");
            return new ApiKeyView(rs.getObject("api_key_id", UUID.class), rs.getString("name"),
                    Environment.valueOf(rs.getString("environment")).wireName(), rs.getString("masked_secret"),
                    rs.getObject("default_egs_unit_id", UUID.class), revokedAt == null ? "active" : "revoked",
                    rs.getTimestamp("issued_at").toInstant(), revokedAt == null ? null : revokedAt.toInstant());
        }, args.toArray()));
    }
}
