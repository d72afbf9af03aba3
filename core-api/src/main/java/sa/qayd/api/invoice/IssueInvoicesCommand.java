package sa.qayd.api.invoice;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks an EGS unit to issue several documents in this order, in one unit of work: their ICVs follow
 * each other in the order given and they are stored with one commit. Each is decided on its own; a
 * refused one takes no ICV and does not stop the others. Every document names this unit.
 */
public record IssueInvoicesCommand(@TargetAggregateIdentifier UUID egsUnitId, List<IssueInvoiceCommand> invoices) {
    public IssueInvoicesCommand {
        invoices = List.copyOf(invoices);
        if (invoices.stream().anyMatch(invoice -> !invoice.egsUnitId().equals(egsUnitId))) {
            throw new IllegalArgumentException("every document of the batch must name EGS unit " + egsUnitId);
        }
    }
}
