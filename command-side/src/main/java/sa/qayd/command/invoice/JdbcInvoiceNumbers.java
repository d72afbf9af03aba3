package sa.qayd.command.invoice;

import java.util.Optional;
import java.util.UUID;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import sa.qayd.api.Environment;

/**
 * The claims as a table with the account, environment and number as its key (set-based validation,
 * Axon's pattern for a rule across aggregates). The insert joins the transaction of the command that
 * issues the document: a refused claim rolls that command back, so the unit takes no ICV, and a claim
 * whose command rolls back for any other reason disappears with it.
 */
@Component
public class JdbcInvoiceNumbers implements InvoiceNumbers {
    private final JdbcTemplate jdbc;

    public JdbcInvoiceNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(UUID accountId, Environment environment, String number, UUID invoiceId, UUID egsUnitId, long icv) {
        int claimed = jdbc.update("""
                insert into invoice_number_claim (account_id, environment, invoice_number, invoice_id, egs_unit_id, icv)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""", accountId, environment.name(), number, invoiceId,
                egsUnitId, icv);
        if (claimed == 0) {
            Claim holder = claim(accountId, environment, number).orElse(null);
            if (holder != null && holder.egsUnitId().equals(egsUnitId) && holder.icv() == icv) {
                // another replica issued this very ICV (and so the same default number) and committed first
                throw new ConcurrencyException("EGS unit " + egsUnitId + " issued ICV " + icv + " in another command first");
            }
            throw InvoiceNumbers.taken(number, environment, holder == null ? null : holder.invoiceId());
        }
    }

    @Override
    public Optional<UUID> holder(UUID accountId, Environment environment, String number) {
        return claim(accountId, environment, number).map(Claim::invoiceId);
    }

    private record Claim(UUID invoiceId, UUID egsUnitId, long icv) {
    }

    private Optional<Claim> claim(UUID accountId, Environment environment, String number) {
        return jdbc.query("""
                select invoice_id, egs_unit_id, icv from invoice_number_claim
                where account_id = ? and environment = ? and invoice_number = ?""",
                (rs, row) -> new Claim(rs.getObject("invoice_id", UUID.class), rs.getObject("egs_unit_id", UUID.class),
                        rs.getLong("icv")), accountId, environment.name(), number).stream().findFirst();
    }
}
