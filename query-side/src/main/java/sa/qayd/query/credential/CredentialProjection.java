package sa.qayd.query.credential;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.api.account.AccountRegisteredEvent;
import sa.qayd.api.apikey.ApiKeyIssuedEvent;
import sa.qayd.api.apikey.ApiKeyRevokedEvent;
import sa.qayd.api.apikey.DefaultEgsUnitClearedEvent;
import sa.qayd.api.apikey.DefaultEgsUnitSetEvent;

/**
 * Logins and API keys, looked up on every request. This group runs subscribing, inside the
 * command's own transaction, so a new key works and a revoked key fails the moment the command
 * returns, and a second account with the same e-mail rolls the whole sign-up back.
 */
@Component
@ProcessingGroup(CredentialProjection.GROUP)
class CredentialProjection {
    static final String GROUP = "credentials";

    private final JdbcTemplate jdbc;

    CredentialProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountRegisteredEvent event) {
        try {
            jdbc.update("""
                    insert into account_credential (account_id, email, password_hash, company_name, vat_number, registered_at)
                    values (?, ?, ?, ?, ?, ?) on conflict (account_id) do nothing""",
                    event.accountId(), event.email(), event.passwordHash(), event.companyName(), event.vatNumber(),
                    Timestamp.from(event.registeredAt()));
        } catch (DuplicateKeyException e) {
            throw new QaydException(ErrorCode.EMAIL_ALREADY_REGISTERED,
                    "an account with this e-mail already exists; log in instead");
        }
    }

    @EventHandler
    void on(ApiKeyIssuedEvent event) {
        jdbc.update("""
                insert into api_key_credential (api_key_id, account_id, environment, name, secret_hash, masked_secret, issued_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (api_key_id) do nothing""",
                event.apiKeyId(), event.accountId(), event.environment().name(), event.name(), event.secretHash(),
                event.maskedSecret(), Timestamp.from(event.issuedAt()));
    }

    @EventHandler
    void on(ApiKeyRevokedEvent event) {
        jdbc.update("update api_key_credential set revoked_at = ? where api_key_id = ?",
                Timestamp.from(event.revokedAt()), event.apiKeyId());
    }

    @EventHandler
    void on(DefaultEgsUnitSetEvent event) {
        jdbc.update("update api_key_credential set default_egs_unit_id = ? where api_key_id = ?", event.egsUnitId(),
                event.apiKeyId());
    }

    @EventHandler
    void on(DefaultEgsUnitClearedEvent event) {
        jdbc.update("update api_key_credential set default_egs_unit_id = null where api_key_id = ?", event.apiKeyId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from api_key_credential");
        jdbc.update("delete from account_credential");
    }
}
