package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import sa.qayd.api.ZatcaMessage;

/** ZATCA refused the document; it keeps its ICV (the chain goes on) and must be re-issued as a new one. */
public record InvoiceRejectedEvent(UUID invoiceId, UUID accountId, int httpStatus, List<ZatcaMessage> errors,
                                   List<ZatcaMessage> warnings, Instant rejectedAt) {
}
