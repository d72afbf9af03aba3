package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import sa.qayd.api.ZatcaMessage;

/**
 * ZATCA cleared a standard document; {@code clearedXml} (base64) is the version to share with the
 * buyer. {@code resent}: ZATCA answered that it had cleared this very document before (HTTP 208, a
 * resend after a lost answer); ZATCA watches repeated duplicates, so auditors see them.
 */
public record InvoiceClearedEvent(UUID invoiceId, UUID accountId, String clearedXml, List<ZatcaMessage> warnings,
                                  boolean resent, Instant clearedAt) {
    public InvoiceClearedEvent {
        warnings = warnings == null ? List.of() : warnings;
    }
}
