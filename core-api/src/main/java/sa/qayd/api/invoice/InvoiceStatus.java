package sa.qayd.api.invoice;

import java.util.Locale;

/** Where a document stands with ZATCA, as the API shows it. */
public enum InvoiceStatus {
    PENDING_REPORTING,
    REPORTING_DEADLINE_NEAR,
    /** Still not reported 24 hours after issue; Qayd keeps trying. */
    REPORTING_OVERDUE,
    REPORTED,
    PENDING_CLEARANCE,
    CLEARED,
    /** ZATCA found errors in the document (HTTP 400): issue a corrected document. */
    REJECTED,
    /** ZATCA refused the submission in a way no resend fixes (e.g. 401 for the unit's own credentials, 413). */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InvoiceStatus pendingFor(InvoiceKind kind) {
        return kind == InvoiceKind.STANDARD ? PENDING_CLEARANCE : PENDING_REPORTING;
    }

    /** Settled with ZATCA one way or the other: nothing more will be sent. */
    public boolean isFinal() {
        return this == REPORTED || this == CLEARED || this == REJECTED || this == FAILED;
    }
}
