package sa.qayd.query.invoice;

import java.time.LocalDate;
import java.util.UUID;
import sa.qayd.api.Environment;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceStatus;

/** What GET /v1/invoices narrows the account's documents to; null parts do not narrow. */
record InvoiceFilter(Environment environment, UUID egsUnitId, InvoiceKind kind, DocumentType documentType,
                     InvoiceStatus status, LocalDate issuedFrom, LocalDate issuedTo, InvoiceCursor after, int limit) {
}
