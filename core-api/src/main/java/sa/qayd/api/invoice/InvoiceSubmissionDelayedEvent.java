package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.UUID;

/** ZATCA could not be reached (or answered "try later"); Qayd tries again at {@code nextAttemptAt}. */
public record InvoiceSubmissionDelayedEvent(UUID invoiceId, UUID accountId, int attempt, String reason,
                                            Instant nextAttemptAt) {
}
