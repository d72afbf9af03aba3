package sa.qayd.api.invoice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import sa.qayd.api.ZatcaMessage;

/** ZATCA cleared a standard document; {@code clearedXml} (base64) is the version to share with the buyer. */
public record InvoiceClearedEvent(UUID invoiceId, UUID accountId, String clearedXml, List<ZatcaMessage> warnings,
                                  Instant clearedAt) {
}
