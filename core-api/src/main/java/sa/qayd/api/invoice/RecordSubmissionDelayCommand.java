package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordSubmissionDelayCommand(@TargetAggregateIdentifier UUID invoiceId, int attempt, String reason,
                                           Instant nextAttemptAt) {
}
