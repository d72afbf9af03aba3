package sa.qayd.api.invoice;

import java.util.UUID;

/** The document a note names as its original, if Qayd issued one with this id (answers an optional {@link OriginalInvoice}). */
public record OriginalInvoiceQuery(UUID invoiceId) {
}
