package sa.qayd.zatca.fatoora;

/**
 * What became of one Fatoora call, after retries. Only {@link Accepted} and {@link AcceptedWithWarnings} mean
 * ZATCA recorded the submission; every other outcome means "not received".
 *
 * @param <T> {@link CsidResponse} or {@link InvoiceResponse}
 */
public sealed interface FatooraOutcome<T> {

    /** HTTP 200. */
    record Accepted<T>(T response) implements FatooraOutcome<T> {
    }

    /** HTTP 202: recorded; do not resubmit, but fix the generator because warnings may become errors. */
    record AcceptedWithWarnings<T>(T response) implements FatooraOutcome<T> {
    }

    /** HTTP 400: ZATCA's validation errors. Never retried: resubmit as a new document. */
    record Rejected<T>(T response) implements FatooraOutcome<T> {
    }

    /** HTTP 401: token or secret wrong, or a CSID of the wrong kind. */
    record Unauthorized<T>(String body) implements FatooraOutcome<T> {
    }

    /** HTTP 303: clearance is switched off for the taxpayer; submit the standard document via reporting. */
    record ClearanceSwitchedOff<T>(String body) implements FatooraOutcome<T> {
    }

    /**
     * Network errors, timeouts, 429 and 5xx persisted over all attempts, or the gateway's circuit breaker is
     * open. Nothing was received: the caller should schedule the same document for a later retry.
     */
    record GatewayUnavailable<T>(String reason, int attempts) implements FatooraOutcome<T> {
    }

    /** Any other status (406, 409, 413, 428, ...). Not retried. */
    record OtherStatus<T>(int status, String body) implements FatooraOutcome<T> {
    }

    /** True when ZATCA recorded the submission (200 or 202). */
    default boolean isRecorded() {
        return this instanceof Accepted<T> || this instanceof AcceptedWithWarnings<T>;
    }
}
