package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import sa.qayd.api.ZatcaMessage;

/**
 * ZATCA recorded a simplified document (or a standard one while clearance is switched off).
 * {@code resent}: ZATCA answered that it had this very document already (HTTP 409 "already reported",
 * a resend after a lost answer); ZATCA watches repeated duplicates, so auditors see them.
 */
public record InvoiceReportedEvent(UUID invoiceId, UUID accountId, List<ZatcaMessage> warnings, boolean resent,
                                   Instant reportedAt) {
    public InvoiceReportedEvent {
        warnings = warnings == null ? List.of() : warnings;
    }
}
