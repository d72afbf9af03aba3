package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.UUID;

/** A simplified document was still not reported when its 24-hour deadline passed; Qayd keeps trying. */
public record InvoiceReportingOverdueEvent(UUID invoiceId, UUID accountId, Instant deadline, Instant recordedAt) {
}
