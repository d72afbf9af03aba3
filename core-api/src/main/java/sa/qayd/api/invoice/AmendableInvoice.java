package sa.qayd.api.invoice;

import java.time.LocalDate;
import java.util.UUID;

/** The facts a credit or debit note inherits from the invoice it amends. */
public record AmendableInvoice(UUID invoiceId, UUID egsUnitId, InvoiceKind kind, String invoiceNumber, LocalDate issueDate) {
}
