package sa.qayd.api.egs;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The unit gave the next counter value (ICV) of its gap-free sequence to a signed document; that
 * document's hash is the next document's previous-invoice hash (PIH).
 *
 * <p>Revision 2: revision 1 (stored without a revision) called the counter {@code sequenceNumber}
 * and had no hash; an upcaster in qayd-app reads those as revision 2.
 */
@Revision("2")
public record InvoiceSequencedEvent(UUID egsUnitId, UUID invoiceId, long icv, String invoiceHash) {
}
