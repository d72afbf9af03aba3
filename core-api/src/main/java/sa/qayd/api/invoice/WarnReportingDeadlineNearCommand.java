package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WarnReportingDeadlineNearCommand(@TargetAggregateIdentifier UUID invoiceId, Instant deadline) {
}
