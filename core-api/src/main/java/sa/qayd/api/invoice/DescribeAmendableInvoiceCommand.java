package sa.qayd.api.invoice;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import sa.qayd.api.Caller;

/** Asks an invoice whether the caller may amend it with a credit or debit note, and what to reference. */
public record DescribeAmendableInvoiceCommand(@TargetAggregateIdentifier UUID invoiceId, Caller caller) {
}
