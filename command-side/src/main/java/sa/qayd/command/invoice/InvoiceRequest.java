package sa.qayd.command.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import sa.qayd.command.web.AddressRequest;

/**
 * The body of every invoice endpoint. Amounts may be JSON numbers or decimal strings. The note
 * fields ({@code original_invoice_id}, {@code billing_reference}, {@code reason}) belong to credit
 * and debit notes only; {@code invoice_type} names the kind where the path does not;
 * {@code document_type} is for {@code POST /v1/invoices/validate} only.
 */
public record InvoiceRequest(
        UUID egsUnitId,
        String invoiceNumber,
        LocalDate issueDate,
        LocalTime issueTime,
        String currency,
        BigDecimal exchangeRate,
        TransactionRequest transaction,
        BuyerRequest buyer,
        List<LineRequest> lines,
        List<AllowanceChargeRequest> allowances,
        List<AllowanceChargeRequest> charges,
        List<PrepaymentRequest> prepayments,
        BigDecimal payableRoundingAmount,
        LocalDate supplyDate,
        LocalDate supplyEndDate,
        PeriodRequest invoicePeriod,
        String purchaseOrderReference,
        String contractReference,
        String paymentMeans,
        String note,
        String documentType,
        String invoiceType,
        UUID originalInvoiceId,
        String billingReference,
        String reason) {

    /** KSA-2 positions 3–7; a missing flag is false. */
    public record TransactionRequest(Boolean thirdParty, Boolean nominal, Boolean export, Boolean summary, Boolean selfBilled) {
    }

    /** {@code national_id} is the shorthand of an {@code identification} in the NAT scheme. */
    public record BuyerRequest(String name, String vatNumber, String nationalId, IdentificationRequest identification,
                               AddressRequest address) {
    }

    public record IdentificationRequest(String scheme, String value) {
    }

    public record LineRequest(
            String name,
            BigDecimal quantity,
            String unitCode,
            BigDecimal unitPrice,
            String vatCategory,
            BigDecimal vatRate,
            String exemptionReasonCode,
            String exemptionReason,
            BigDecimal discount) {
    }

    public record AllowanceChargeRequest(
            BigDecimal amount,
            String reason,
            String reasonCode,
            String vatCategory,
            BigDecimal vatRate,
            String exemptionReasonCode,
            String exemptionReason) {
    }

    public record PrepaymentRequest(
            String invoiceNumber,
            UUID uuid,
            LocalDate issueDate,
            LocalTime issueTime,
            String name,
            String vatCategory,
            BigDecimal vatRate,
            String exemptionReasonCode,
            String exemptionReason,
            BigDecimal taxableAmount) {
    }

    public record PeriodRequest(LocalDate startDate, LocalDate endDate) {
    }
}
