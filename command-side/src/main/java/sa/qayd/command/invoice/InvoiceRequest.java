package sa.qayd.command.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import sa.qayd.command.web.AddressRequest;

/**
 * The body of every invoice endpoint. Amounts may be JSON numbers or decimal strings. The note
 * fields ({@code invoice_type}, {@code original_invoice_id}, {@code billing_reference},
 * {@code reason}) belong to credit and debit notes only.
 */
public record InvoiceRequest(
        UUID egsUnitId,
        String invoiceNumber,
        LocalDate issueDate,
        LocalTime issueTime,
        String currency,
        BuyerRequest buyer,
        List<LineRequest> lines,
        String paymentMeans,
        String note,
        String invoiceType,
        UUID originalInvoiceId,
        String billingReference,
        String reason) {

    public record BuyerRequest(String name, String vatNumber, String nationalId, AddressRequest address) {
    }

    public record LineRequest(
            String name,
            BigDecimal quantity,
            BigDecimal unitPrice,
            String vatCategory,
            BigDecimal vatRate,
            String exemptionReasonCode,
            BigDecimal discount) {
    }
}
