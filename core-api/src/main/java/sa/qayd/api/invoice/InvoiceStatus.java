package sa.qayd.api.invoice;

import java.util.Locale;

/** Where a document stands with ZATCA, as the API shows it. */
public enum InvoiceStatus {
    PENDING_REPORTING,
    REPORTING_DEADLINE_NEAR,
    REPORTED,
    PENDING_CLEARANCE,
    CLEARED,
    REJECTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InvoiceStatus pendingFor(InvoiceKind kind) {
        return kind == InvoiceKind.STANDARD ? PENDING_CLEARANCE : PENDING_REPORTING;
    }
}
