package sa.qayd.api.invoice;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sends a signed document to ZATCA: clearance for standard documents, reporting for simplified ones. */
public record SubmitInvoiceCommand(@TargetAggregateIdentifier UUID invoiceId, int attempt) {
}
