package sa.qayd.command.account;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sa.qayd.api.account.AccountRegisteredEvent;

/**
 * Blanks the e-mail in the account's revision-1 AccountRegisteredEvent, in the stored JSON, in the
 * transaction of the command that forgets the account. The one change Qayd ever makes to a stored
 * event's facts, and only to forget what the law says must be forgotten.
 */
@Component
class JdbcUnsealedPersonalData implements UnsealedPersonalData {
    private final JdbcTemplate jdbc;

    JdbcUnsealedPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void blank(UUID accountId) {
        jdbc.update("""
                update domain_event_entry
                set payload = convert_to(jsonb_set(convert_from(payload, 'UTF8')::jsonb, '{email}', 'null')::text, 'UTF8')
                where aggregate_identifier = ? and payload_type = ? and payload_revision is null""",
                accountId.toString(), AccountRegisteredEvent.class.getName());
    }
}
