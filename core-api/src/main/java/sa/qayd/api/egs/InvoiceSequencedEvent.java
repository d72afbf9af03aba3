package sa.qayd.api.egs;

import java.util.UUID;

/** The unit gave the next number of its gap-free sequence to a document it accepted. */
public record InvoiceSequencedEvent(UUID egsUnitId, UUID invoiceId, long sequenceNumber) {
}
