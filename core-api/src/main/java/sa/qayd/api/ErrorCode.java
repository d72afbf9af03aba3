package sa.qayd.api;

/**
 * Stable error codes of the public API. The names are the {@code code} member of every
 * problem+json answer: clients match on them, so never rename one.
 */
public enum ErrorCode {
    MALFORMED_REQUEST(400, "Malformed request"),
    UNAUTHORIZED(401, "Unauthorized"),
    INVALID_CREDENTIALS(401, "Invalid credentials"),
    FORBIDDEN(403, "Forbidden"),
    CSRF_TOKEN_INVALID(403, "Missing or invalid CSRF token"),
    ENVIRONMENT_MISMATCH(403, "Environment mismatch"),
    EGS_UNIT_ENVIRONMENT_MISMATCH(403, "EGS unit belongs to the other environment"),
    NOT_FOUND(404, "Not found"),
    API_KEY_NOT_FOUND(404, "API key not found"),
    EGS_UNIT_NOT_FOUND(404, "EGS unit not found"),
    INVOICE_NOT_FOUND(404, "Invoice not found"),
    ORIGINAL_INVOICE_NOT_FOUND(404, "Original invoice not found"),
    EVENT_PROCESSOR_NOT_FOUND(404, "Event processor not found"),
    WEBHOOK_NOT_FOUND(404, "Webhook not found"),
    WEBHOOK_DELIVERY_NOT_FOUND(404, "Webhook delivery not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    REQUEST_HEADER_FIELDS_TOO_LARGE(431, "Request header fields too large"),
    EMAIL_ALREADY_REGISTERED(409, "Email already registered"),
    API_KEY_REVOKED(409, "API key revoked"),
    EGS_UNIT_NOT_ACTIVE(409, "EGS unit not active"),
    EGS_UNIT_ONBOARDING_NOT_FAILED(409, "EGS unit onboarding has not failed"),
    EGS_RENEWAL_IN_PROGRESS(409, "A certificate renewal of this EGS unit is already under way"),
    IDEMPOTENCY_KEY_REUSED(409, "Idempotency key reused with a different request"),
    IDEMPOTENCY_REQUEST_IN_PROGRESS(409, "A request with this idempotency key is still in progress"),
    CONCURRENT_MODIFICATION(409, "Concurrent modification"),
    INVOICE_NUMBER_TAKEN(409, "Invoice number already used"),
    EVENT_PROCESSOR_RESET_REFUSED(409, "Event processor cannot be reset now"),
    WEBHOOK_DELIVERY_PENDING(409, "Webhook delivery still pending"),
    VALIDATION_FAILED(422, "Validation failed"),
    EGS_UNIT_REQUIRED(422, "EGS unit required"),
    EGS_UNIT_VAT_NUMBER_NOT_ACCEPTED(422, "ZATCA's gateway for this environment does not accept this VAT number"),
    INVOICE_TYPE_NOT_ALLOWED(422, "EGS unit not onboarded for this invoice type"),
    TOO_MANY_LOGIN_ATTEMPTS(429, "Too many log-in attempts"),
    RATE_LIMITED(429, "Too many requests"),
    INTERNAL_ERROR(500, "Internal error"),
    ZATCA_UNAVAILABLE(503, "ZATCA unavailable");

    private final int httpStatus;
    private final String title;

    ErrorCode(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }
}
