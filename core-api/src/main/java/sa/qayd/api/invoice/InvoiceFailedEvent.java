package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import sa.qayd.api.ZatcaMessage;

/**
 * ZATCA refused the submission in a way no resend of the same document fixes (for example 401 for
 * the unit's own credentials, 406, 413). The document keeps its ICV; the account must act (renew the
 * unit's certificate, contact ZATCA, issue a new document).
 */
public record InvoiceFailedEvent(UUID invoiceId, UUID accountId, int httpStatus, String reason,
                                 List<ZatcaMessage> messages, Instant failedAt) {
}
