package sa.qayd.api.egs;

import java.util.UUID;

/**
 * The unit gave the next counter value (ICV) of its gap-free sequence to a signed document; that
 * document's hash is the next document's previous-invoice hash (PIH).
 */
public record InvoiceSequencedEvent(UUID egsUnitId, UUID invoiceId, long icv, String invoiceHash) {
}
