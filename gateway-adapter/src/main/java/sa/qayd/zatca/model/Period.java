package sa.qayd.zatca.model;

import java.time.LocalDate;

/** The invoicing period (BG-14, {@code cac:InvoicePeriod}): at least one end, the end not before the start (BR-CO-19, BR-29). */
public record Period(LocalDate start, LocalDate end) {

    public Period {
        if (start == null && end == null) {
            throw new IllegalArgumentException("an invoice period needs a start or an end date (BR-CO-19)");
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("the invoice period ends before it starts (BR-29)");
        }
    }
}
