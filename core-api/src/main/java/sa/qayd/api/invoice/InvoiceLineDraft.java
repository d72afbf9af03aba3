package sa.qayd.api.invoice;

import java.math.BigDecimal;

/** One line as the integrator sent it; {@code discount} is an amount off the line's net, may be null. */
public record InvoiceLineDraft(
        String name,
        BigDecimal quantity,
        BigDecimal unitPrice,
        VatCategory vatCategory,
        BigDecimal vatRate,
        String exemptionReasonCode,
        BigDecimal discount) {
}
