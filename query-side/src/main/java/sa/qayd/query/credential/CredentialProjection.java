package sa.qayd.query.credential;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sa.qayd.api.account.AccountPersonalDataForgottenEvent;
import sa.qayd.api.account.AccountRegisteredEvent;
import sa.qayd.api.apikey.ApiKeyIssuedEvent;
import sa.qayd.api.apikey.ApiKeyRevokedEvent;
import sa.qayd.api.apikey.DefaultEgsUnitClearedEvent;
import sa.qayd.api.apikey.DefaultEgsUnitSetEvent;
import sa.qayd.platform.privacy.PersonalDataKeys;

/**
 * Accounts and API keys, looked up on every request. This group runs subscribing, inside the command's
 * own transaction, so a new key works and a revoked key fails the moment the command returns. The keys'
 * hashes and the log-ins are not here: no event carries them (see the command side's ApiKeyHashes and
 * Logins). The account's e-mail is shown as long as its personal data is not forgotten.
 */
@Component
@ProcessingGroup(CredentialProjection.GROUP)
class CredentialProjection {
    static final String GROUP = "credentials";

    private final JdbcTemplate jdbc;
    private final PersonalDataKeys personalData;

    CredentialProjection(JdbcTemplate jdbc, PersonalDataKeys personalData) {
        this.jdbc = jdbc;
        this.personalData = personalData;
    }

    @EventHandler
    void on(AccountRegisteredEvent event) {
        jdbc.update("""
                insert into account_credential (account_id, email, company_name, vat_number, registered_at)
                values (?, ?, ?, ?, ?) on conflict (account_id) do nothing""",
                event.accountId(), event.email().reveal(sealed -> personalData.open(event.accountId(), sealed)).orElse(null),
                event.companyName(), event.vatNumber(), Timestamp.from(event.registeredAt()));
    }

    @EventHandler
    void on(AccountPersonalDataForgottenEvent event) {
        jdbc.update("update account_credential set email = null where account_id = ?", event.accountId());
    }

    @EventHandler
    void on(ApiKeyIssuedEvent event) {
        jdbc.update("""
                insert into api_key_credential (api_key_id, account_id, environment, name, masked_secret, issued_at)
                values (?, ?, ?, ?, ?, ?) on conflict (api_key_id) do nothing""",
                event.apiKeyId(), event.accountId(), event.environment().name(), event.name(), event.maskedSecret(),
                Timestamp.from(event.issuedAt()));
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
