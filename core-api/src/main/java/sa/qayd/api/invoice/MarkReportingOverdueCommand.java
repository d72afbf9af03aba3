package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A simplified document's 24-hour reporting deadline passed while it was still unreported. */
public record MarkReportingOverdueCommand(@TargetAggregateIdentifier UUID invoiceId, Instant deadline) {
}
