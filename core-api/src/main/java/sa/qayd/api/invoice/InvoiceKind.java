package sa.qayd.api.invoice;

import java.util.Locale;

/** B2B standard tax invoices are cleared by ZATCA; B2C simplified ones are reported within 24 h. */
public enum InvoiceKind {
    STANDARD,
    SIMPLIFIED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
