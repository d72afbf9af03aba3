package sa.qayd.query.audit;

import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sa.qayd.api.Environment;
import sa.qayd.api.account.AccountRegisteredEvent;
import sa.qayd.api.apikey.ApiKeyIssuedEvent;
import sa.qayd.api.egs.EgsUnitRegisteredEvent;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.webhook.WebhookRegisteredEvent;

/**
 * Every aggregate's first event names its account, so recording those five is enough to attribute
 * every later event of the aggregate, including those without an account id (compliance steps,
 * sequencing). The audit stream only serves positions this processor has completed.
 */
@Component
@ProcessingGroup(AggregateOwnerProjection.GROUP)
class AggregateOwnerProjection {
    static final String GROUP = "audit-owners";

    private final JdbcTemplate jdbc;

    AggregateOwnerProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountRegisteredEvent event) {
        own(event.accountId(), event.accountId(), null);
    }

    @EventHandler
    void on(ApiKeyIssuedEvent event) {
        own(event.apiKeyId(), event.accountId(), event.environment());
    }

    @EventHandler
    void on(EgsUnitRegisteredEvent event) {
        own(event.egsUnitId(), event.accountId(), event.environment());
    }

    @EventHandler
    void on(InvoiceIssuedEvent event) {
        own(event.invoiceId(), event.accountId(), event.environment());
    }

    @EventHandler
    void on(WebhookRegisteredEvent event) {
        own(event.webhookId(), event.accountId(), event.environment());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from audit_aggregate_owner");
    }

    private void own(UUID aggregateId, UUID accountId, Environment environment) {
        jdbc.update("""
                insert into audit_aggregate_owner (aggregate_identifier, account_id, environment) values (?, ?, ?)
                on conflict (aggregate_identifier) do nothing""",
                aggregateId.toString(), accountId, environment == null ? null : environment.name());
    }
}
