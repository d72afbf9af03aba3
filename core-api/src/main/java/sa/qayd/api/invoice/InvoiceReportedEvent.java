package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import sa.qayd.api.ZatcaMessage;

/** ZATCA recorded a simplified document. */
public record InvoiceReportedEvent(UUID invoiceId, UUID accountId, List<ZatcaMessage> warnings, Instant reportedAt) {
}
