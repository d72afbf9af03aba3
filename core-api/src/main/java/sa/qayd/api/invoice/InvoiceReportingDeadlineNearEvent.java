package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.UUID;

/** A simplified document is still not reported and its 24-hour reporting deadline is close. */
public record InvoiceReportingDeadlineNearEvent(UUID invoiceId, UUID accountId, Instant deadline) {
}
