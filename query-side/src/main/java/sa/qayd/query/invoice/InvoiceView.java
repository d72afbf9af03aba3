package sa.qayd.query.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import sa.qayd.api.Address;
import sa.qayd.api.ZatcaMessage;
import sa.qayd.api.invoice.AllowanceChargeDraft;
import sa.qayd.api.invoice.InvoiceAmounts;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.PrepaymentDraft;
import sa.qayd.api.invoice.TransactionFlags;

/**
 * A document as GET /v1/invoices shows it; the same field names as the POST /v1/invoices/* answer.
 * {@code statusHistory} and {@code details} are only in GET /v1/invoices/{id}.
 */
record InvoiceView(UUID id, UUID egsUnitId, String environment, String kind, String documentType, String invoiceNumber,
                   LocalDate issueDate, long icv, UUID uuid, String invoiceHash, String previousInvoiceHash, String qrCode,
                   String status, InvoiceAmounts amounts, List<ZatcaMessage> zatcaMessages, Submission submission,
                   String pdfUrl, String signedXmlUrl, Instant issuedAt, Instant statusChangedAt,
                   List<StatusChange> statusHistory, Details details) {

    /**
     * What the document says beyond its lines and totals, in the field names of the request body.
     * Documents issued before a field existed show its default (no flags, empty lists).
     */
    record Details(Buyer buyer, UUID originalInvoiceId, String billingReference, String reason, String note,
                   LocalDate supplyDate, LocalDate supplyEndDate, InvoiceDraft.InvoicePeriod invoicePeriod,
                   TransactionFlags transaction, String purchaseOrderReference, String contractReference,
                   String paymentMeans, List<AllowanceChargeDraft> allowances, List<AllowanceChargeDraft> charges,
                   List<PrepaymentDraft> prepayments) {
    }

    /** The buyer as the request names it. */
    record Buyer(String name, String vatNumber, sa.qayd.api.invoice.Buyer.Identification identification, Address address) {
    }

    /** One step with ZATCA; {@code status} is the document's status after it. Only in GET /v1/invoices/{id}. */
    record StatusChange(String event, String status, String detail, Instant at) {
    }

    /** How often Qayd has tried to reach ZATCA and when it tries next (null once settled). */
    record Submission(int delayedAttempts, Instant nextAttemptAt, String lastDelayReason) {
    }
}
