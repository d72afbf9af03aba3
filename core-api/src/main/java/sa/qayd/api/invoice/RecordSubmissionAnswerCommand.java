package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * ZATCA's answer to a submission of the invoice. Answers {@link Boolean#TRUE} when the document is
 * settled (nothing more to send), false when it must be sent again ({@code nextAttemptAt} is when the
 * submission worker will).
 */
public record RecordSubmissionAnswerCommand(@TargetAggregateIdentifier UUID invoiceId, SubmissionAnswer answer,
                                            Instant nextAttemptAt) {
}
