package sa.qayd.zatca.verify;

/** Stable codes of verification problems; callers may switch on them, so never rename one. */
public enum ProblemCode {
    MALFORMED_XML,
    NOT_AN_INVOICE,
    MISSING_ELEMENT,
    INVOICE_HASH_MISMATCH,
    SIGNATURE_INVALID,
    CERTIFICATE_INVALID,
    CERTIFICATE_DIGEST_MISMATCH,
    ISSUER_SERIAL_MISMATCH,
    SIGNED_PROPERTIES_DIGEST_MISMATCH,
    CERTIFICATE_NOT_TRUSTED,
    QR_MISSING,
    QR_MALFORMED,
    QR_MISMATCH,
    TOTALS_MISMATCH,
    NOTE_WITHOUT_BILLING_REFERENCE,
    NOTE_WITHOUT_REASON,
    ICV_INVALID,
    ICV_MISMATCH,
    PIH_MISMATCH,
    /** A ZATCA business rule that Qayd checks itself; the detail starts with the rule id. */
    BUSINESS_RULE_VIOLATED
}
