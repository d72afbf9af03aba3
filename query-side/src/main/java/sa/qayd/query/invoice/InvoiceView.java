package sa.qayd.query.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.invoice.InvoiceAmounts;

/** A document as GET /v1/invoices shows it; the same field names as the POST /v1/invoices/* answer. */
record InvoiceView(UUID id, UUID egsUnitId, String environment, String kind, String documentType, String invoiceNumber,
                   LocalDate issueDate, long icv, UUID uuid, String invoiceHash, String previousInvoiceHash, String qrCode,
                   String status, InvoiceAmounts amounts, List<ZatcaMessage> zatcaMessages, Submission submission,
                   String pdfUrl, String signedXmlUrl, Instant issuedAt, Instant statusChangedAt,
                   List<StatusChange> statusHistory) {

    /** One step with ZATCA; {@code status} is the document's status after it. Only in GET /v1/invoices/{id}. */
    record StatusChange(String event, String status, String detail, Instant at) {
    }

    /** How often Qayd has tried to reach ZATCA and when it tries next (null once settled). */
    record Submission(int delayedAttempts, Instant nextAttemptAt, String lastDelayReason) {
    }
}
