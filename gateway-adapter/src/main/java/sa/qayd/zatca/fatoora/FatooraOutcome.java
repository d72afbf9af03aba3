package sa.qayd.zatca.fatoora;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What became of one Fatoora call: every answer ZATCA gives, typed, with ZATCA's reason. A call never throws for
 * an HTTP status, a body shape or a network failure; only a call for another environment than the client's throws
 * ({@link EnvironmentMismatchException}).
 *
 * <table>
 *   <caption>Outcomes, the answers they stand for, and what the caller does</caption>
 *   <tr><th>Outcome</th><th>ZATCA answered</th><th>Recorded</th><th>Transient</th><th>Caller</th></tr>
 *   <tr><td>{@link Accepted}</td><td>200, and the body confirms it ({@code REPORTED}, {@code CLEARED},
 *       {@code ISSUED} with token and secret)</td><td>yes</td><td>no</td><td>done</td></tr>
 *   <tr><td>{@link AcceptedWithWarnings}</td><td>202, confirmed as above</td><td>yes</td><td>no</td>
 *       <td>done; keep the warnings, fix the generator (they may become errors)</td></tr>
 *   <tr><td>{@link AlreadyRecorded}</td><td>409 on reporting or clearance ("Invoice was already reported
 *       successfully earlier"), 208 on clearance (with the cleared invoice), or any 2xx that says
 *       {@code REPORTED_SUCCESSFULLY_EARLIER} / category {@code Duplicate-Invoice}</td><td>yes</td><td>no</td>
 *       <td>treat as reported / cleared (keep {@link AlreadyRecorded#clearedInvoiceXml()} when given); never resend:
 *       ZATCA flags repeated duplicates for investigation</td></tr>
 *   <tr><td>{@link RenewalPendingCompliance}</td><td>428 on {@code PATCH /production/csids}
 *       ({@code NOT_COMPLIANT} with a renewed compliance token, secret and requestID)</td><td>-</td><td>no</td>
 *       <td>run the compliance checks with {@link RenewalPendingCompliance#complianceCsid()}, then
 *       {@link FatooraClient#requestProductionCsid} with its requestID, as in onboarding</td></tr>
 *   <tr><td>{@link Rejected}</td><td>400 with ZATCA's JSON (validation errors, CSID errors in any of their
 *       shapes), or a 2xx whose body does not confirm success (e.g. {@code NOT_REPORTED}, a clearance answered
 *       without {@code CLEARED})</td><td>no</td><td>no</td><td>show {@link #messages()}; a rejected document is
 *       never sent again, a corrected one goes out as a new document</td></tr>
 *   <tr><td>{@link InvalidOtp}</td><td>{@code Invalid-OTP} on {@code POST /compliance} or the renewal</td>
 *       <td>no</td><td>no</td><td>the OTP was wrong or already spent (also after a lost answer): ask the user
 *       for a new one</td></tr>
 *   <tr><td>{@link Unauthorized}</td><td>401: token or secret wrong, or a CSID of the wrong kind</td><td>no</td>
 *       <td>no</td><td>check the unit's credentials</td></tr>
 *   <tr><td>{@link ClearanceSwitchedOff}</td><td>303 on clearance</td><td>no</td><td>no</td>
 *       <td>send the same standard document to reporting</td></tr>
 *   <tr><td>{@link Throttled}</td><td>429, never retried inside the client</td><td>no</td><td>yes</td>
 *       <td>pause this gateway for {@link Throttled#retryAfter()} (when ZATCA said), then resend the same
 *       request</td></tr>
 *   <tr><td>{@link GatewayUnavailable}</td><td>5xx, network error, timeout, an unreadable 2xx, or this gateway's
 *       circuit breaker is open; after the client's own retries</td><td>not known</td><td>yes</td>
 *       <td>resend the same request later: if ZATCA did record it, the resend meets {@link AlreadyRecorded}</td></tr>
 *   <tr><td>{@link OtherStatus}</td><td>406 (version), 413 (too large), a 400 that is not ZATCA's JSON (a proxy's
 *       page), any other status</td><td>no</td><td>no</td><td>a defect or misconfiguration to fix; resending the
 *       same request does not help</td></tr>
 * </table>
 *
 * <p>Every outcome exposes one uniform list of {@link #messages()}: ZATCA's errors, then its warnings, whatever
 * shape the answer had ({@code validationResults}, {@code errors} as strings or objects, a bare
 * {@code code/message}, {@code errorCode/errorCategory/errorMessage}, plain text or HTML). {@code code} and
 * {@code category} are null where ZATCA gave only text; a message the client made up itself (plain-text body,
 * network failure) has code {@code HTTP-<status>} or {@code NETWORK}.
 *
 * @param <T> {@link CsidResponse} or {@link InvoiceResponse}, the body of a success
 */
public sealed interface FatooraOutcome<T extends FatooraResponse> {

    /** ZATCA's errors, then its warnings; for an accepted call its warnings (usually none). */
    List<ValidationMessage> messages();

    /** True when ZATCA has the submission: accepted now (200, 202) or earlier ({@link AlreadyRecorded}). */
    default boolean isRecorded() {
        return this instanceof Accepted<T> || this instanceof AcceptedWithWarnings<T>
                || this instanceof AlreadyRecorded<T>;
    }

    /**
     * True when the same request may succeed later ({@link Throttled}, {@link GatewayUnavailable}): the caller
     * schedules a resend of the same bytes. Every other outcome is final for this request.
     */
    default boolean isTransient() {
        return this instanceof Throttled<T> || this instanceof GatewayUnavailable<T>;
    }

    /** HTTP 200, success confirmed by the body. */
    record Accepted<T extends FatooraResponse>(T response) implements FatooraOutcome<T> {
        @Override
        public List<ValidationMessage> messages() {
            return response.messages();
        }
    }

    /** HTTP 202: recorded; do not resubmit, but fix the generator because warnings may become errors. */
    record AcceptedWithWarnings<T extends FatooraResponse>(T response) implements FatooraOutcome<T> {
        @Override
        public List<ValidationMessage> messages() {
            return response.messages();
        }
    }

    /**
     * ZATCA already has a document with this hash (409 on reporting, 208 on clearance, within its 24-hour
     * duplicate window): the first submission succeeded. Distinct from a first acceptance because ZATCA flags
     * repeated duplicates for investigation.
     *
     * @param status the HTTP status ZATCA answered with
     * @param response the body as far as there is one (a 409 may come without)
     */
    record AlreadyRecorded<T extends FatooraResponse>(int status, T response) implements FatooraOutcome<T> {
        @Override
        public List<ValidationMessage> messages() {
            return response.messages();
        }

        /** The cleared document ZATCA sent along with a 208, to share with the buyer. */
        public Optional<byte[]> clearedInvoiceXml() {
            return response instanceof InvoiceResponse invoice ? invoice.clearedInvoiceXml() : Optional.empty();
        }
    }

    /**
     * HTTP 428 on a renewal: ZATCA renewed the unit's <em>compliance</em> CSID for the new CSR. The renewal ends
     * with compliance checks under it and {@code POST /production/csids} with its requestID.
     *
     * @param complianceCsid {@code dispositionMessage NOT_COMPLIANT}, the renewed compliance token, secret and
     *     requestID
     */
    record RenewalPendingCompliance<T extends FatooraResponse>(CsidResponse complianceCsid)
            implements FatooraOutcome<T> {
        @Override
        public List<ValidationMessage> messages() {
            return complianceCsid.messages();
        }
    }

    /**
     * ZATCA refused the request: HTTP 400 with its JSON, or a 2xx whose body does not confirm success.
     *
     * @param response the body as parsed (fields ZATCA did not send are null)
     */
    record Rejected<T extends FatooraResponse>(T response, List<ValidationMessage> messages)
            implements FatooraOutcome<T> {
        public Rejected {
            messages = List.copyOf(messages);
        }
    }

    /** {@code Invalid-OTP}: the OTP was wrong or already spent; only a new OTP from the Fatoora portal helps. */
    record InvalidOtp<T extends FatooraResponse>(List<ValidationMessage> messages) implements FatooraOutcome<T> {
        public InvalidOtp {
            messages = List.copyOf(messages);
        }
    }

    /** HTTP 401: token or secret wrong, or a CSID of the wrong kind. */
    record Unauthorized<T extends FatooraResponse>(List<ValidationMessage> messages) implements FatooraOutcome<T> {
        public Unauthorized {
            messages = List.copyOf(messages);
        }
    }

    /** HTTP 303: clearance is switched off for the taxpayer; submit the standard document via reporting. */
    record ClearanceSwitchedOff<T extends FatooraResponse>(List<ValidationMessage> messages)
            implements FatooraOutcome<T> {
        public ClearanceSwitchedOff {
            messages = List.copyOf(messages);
        }
    }

    /**
     * HTTP 429, not retried by the client so that the caller can pause the whole gateway.
     *
     * @param retryAfter ZATCA's {@code Retry-After} (seconds or HTTP-date) as a delay from now, if it sent one
     */
    record Throttled<T extends FatooraResponse>(Optional<Duration> retryAfter, List<ValidationMessage> messages)
            implements FatooraOutcome<T> {
        public Throttled {
            messages = List.copyOf(messages);
        }
    }

    /**
     * No usable answer after the client's retries: 5xx, network error, timeout, an unreadable 2xx, or the
     * gateway's circuit breaker is open.
     *
     * @param reason e.g. {@code HTTP 503 after 4 attempts}, {@code circuit breaker open for ...}
     * @param attempts HTTP attempts made (0 when the circuit breaker refused the call)
     */
    record GatewayUnavailable<T extends FatooraResponse>(String reason, int attempts, List<ValidationMessage> messages)
            implements FatooraOutcome<T> {
        public GatewayUnavailable {
            messages = List.copyOf(messages);
        }
    }

    /** Any other answer: 406, 413, a 400 that is not ZATCA's JSON, an unexpected status. Not retried. */
    record OtherStatus<T extends FatooraResponse>(int status, List<ValidationMessage> messages)
            implements FatooraOutcome<T> {
        public OtherStatus {
            messages = List.copyOf(messages);
        }
    }
}
