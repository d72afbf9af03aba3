package sa.qayd.zatca.fatoora;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client of one ZATCA Fatoora gateway (one environment, one base URL). Thread-safe; create one per gateway and
 * share it: calls run in parallel (one HTTP/1.1 connection each, pooled and kept alive by the JDK client; the retry
 * and the circuit breaker keep no lock across a call), so hundreds can be in flight at once.
 *
 * <p>Every call returns a {@link FatooraOutcome} instead of throwing for HTTP or network failures; its javadoc
 * says which answer becomes which outcome. 5xx answers, network errors and timeouts are retried here with
 * exponential backoff and jitter ({@link RetryPolicy}); a 429 is not, so that the caller can pause the whole
 * gateway for ZATCA's {@code Retry-After}. A circuit breaker per gateway stops calls to a gateway that keeps
 * failing. Each attempt has a hard deadline, {@link FatooraClientSettings#requestTimeout()}, for the whole answer
 * (headers and body), so a call takes at most {@code maxAttempts} times that plus the backoff in between.
 *
 * <p>A call for another environment than the client's throws {@link EnvironmentMismatchException} before anything
 * is sent.
 */
public final class FatooraClient {
    private static final String INVALID_OTP = "Invalid-OTP";

    private final FatooraClientSettings settings;
    private final HttpClient http;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Clock clock;
    private final FatooraCallListener listener;

    public FatooraClient(FatooraClientSettings settings) {
        this(settings, CircuitBreakerRegistry.ofDefaults(), Clock.systemUTC(), FatooraCallListener.NONE);
    }

    /**
     * @param breakers shared registry, so that all clients of the same base URL share one breaker
     * @param clock turns an HTTP-date {@code Retry-After} into a delay
     * @param listener told about every finished call (metrics)
     */
    public FatooraClient(FatooraClientSettings settings, CircuitBreakerRegistry breakers, Clock clock,
                         FatooraCallListener listener) {
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
        // HTTP/1.1 keeps connection handling predictable (no h2c upgrade attempts against plain-HTTP simulators).
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String gateway = settings.baseUri().toString();
        this.retry = Retry.of(gateway, retryConfig(settings.retry()));
        this.circuitBreaker = breakers.circuitBreaker(gateway, circuitBreakerConfig(settings.circuitBreaker()));
    }

    public FatooraEnvironment environment() {
        return settings.environment();
    }

    public CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }

    /** Credentials from a CSID answer of this client's gateway (issued, or renewed pending compliance). */
    public GatewayCredentials credentialsFrom(CsidResponse issued) {
        return new GatewayCredentials(environment(), issued.binarySecurityToken(), issued.secret());
    }

    /** Call #1: exchanges a CSR and a portal OTP for a compliance CSID. */
    public FatooraOutcome<CsidResponse> requestComplianceCsid(FatooraEnvironment target, String otp, String csrPem) {
        requireEnvironment(target);
        return call(FatooraEndpoint.COMPLIANCE_CSID, Map.of(FatooraHeaders.OTP, otp), csrBody(csrPem),
                CsidResponse.class);
    }

    /** Call #2: submits a sample document under the compliance CSID. */
    public FatooraOutcome<InvoiceResponse> checkCompliance(GatewayCredentials complianceCsid, InvoiceSubmission invoice) {
        return call(FatooraEndpoint.COMPLIANCE_INVOICE_CHECK, authorized(complianceCsid), invoice, InvoiceResponse.class);
    }

    /**
     * Call #3: exchanges a compliance CSID that passed its checks for a production CSID; also the last step of a
     * renewal, with the compliance CSID of {@link FatooraOutcome.RenewalPendingCompliance}.
     */
    public FatooraOutcome<CsidResponse> requestProductionCsid(GatewayCredentials complianceCsid, long complianceRequestId) {
        return call(FatooraEndpoint.PRODUCTION_CSID, authorized(complianceCsid),
                Map.of("compliance_request_id", Long.toString(complianceRequestId)), CsidResponse.class);
    }

    /**
     * Call #4: renews a production CSID with a new CSR and a new OTP. ZATCA normally answers 428,
     * {@link FatooraOutcome.RenewalPendingCompliance}; an {@link FatooraOutcome.Accepted} carries the new production
     * CSID directly.
     */
    public FatooraOutcome<CsidResponse> renewProductionCsid(
            GatewayCredentials currentProductionCsid, String otp, String csrPem) {
        Map<String, String> headers = new LinkedHashMap<>(authorized(currentProductionCsid));
        headers.put(FatooraHeaders.OTP, otp);
        return call(FatooraEndpoint.PRODUCTION_CSID_RENEWAL, headers, csrBody(csrPem), CsidResponse.class);
    }

    /** Call #5: reports a simplified (B2C) document. */
    public FatooraOutcome<InvoiceResponse> report(GatewayCredentials productionCsid, InvoiceSubmission invoice) {
        Map<String, String> headers = new LinkedHashMap<>(authorized(productionCsid));
        headers.put(FatooraHeaders.CLEARANCE_STATUS, FatooraHeaders.REPORTING_MODE);
        return call(FatooraEndpoint.REPORTING, headers, invoice, InvoiceResponse.class);
    }

    /** Call #6: clears a standard (B2B) document; share {@link InvoiceResponse#clearedInvoiceXml()} with the buyer. */
    public FatooraOutcome<InvoiceResponse> clear(GatewayCredentials productionCsid, InvoiceSubmission invoice) {
        Map<String, String> headers = new LinkedHashMap<>(authorized(productionCsid));
        headers.put(FatooraHeaders.CLEARANCE_STATUS, FatooraHeaders.CLEARANCE_MODE);
        return call(FatooraEndpoint.CLEARANCE, headers, invoice, InvoiceResponse.class);
    }

    private Map<String, String> authorized(GatewayCredentials credentials) {
        requireEnvironment(credentials.environment());
        return Map.of("Authorization", credentials.basicAuthorization());
    }

    private void requireEnvironment(FatooraEnvironment declared) {
        if (declared != environment()) {
            throw new EnvironmentMismatchException(declared, environment());
        }
    }

    private static Map<String, String> csrBody(String csrPem) {
        return Map.of("csr", Base64.getEncoder().encodeToString(csrPem.getBytes(StandardCharsets.US_ASCII)));
    }

    private <T extends FatooraResponse> FatooraOutcome<T> call(
            FatooraEndpoint endpoint, Map<String, String> headers, Object body, Class<T> responseType) {
        long started = System.nanoTime();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger status = new AtomicInteger(-1);
        FatooraOutcome<T> outcome = attempt(endpoint, headers, body, responseType, attempts, status);
        listener.completed(new FatooraCall(environment(), endpoint, outcome,
                status.get() < 0 ? OptionalInt.empty() : OptionalInt.of(status.get()), attempts.get(),
                Duration.ofNanos(System.nanoTime() - started)));
        return outcome;
    }

    private <T extends FatooraResponse> FatooraOutcome<T> attempt(FatooraEndpoint endpoint, Map<String, String> headers,
            Object body, Class<T> responseType, AtomicInteger attempts, AtomicInteger status) {
        HttpRequest request = request(endpoint, headers, body);
        CheckedSupplier<HttpResponse<byte[]>> attempt = () -> {
            attempts.incrementAndGet();
            status.set(-1);
            HttpResponse<byte[]> response = send(request);
            status.set(response.statusCode());
            return response;
        };
        try {
            HttpResponse<byte[]> response = Retry.decorateCheckedSupplier(retry,
                    CircuitBreaker.decorateCheckedSupplier(circuitBreaker, attempt)).get();
            return new Answer<>(endpoint, responseType, response.statusCode(), response.body(), attempts.get())
                    .interpret(response.headers().firstValue("Retry-After"));
        } catch (CallNotPermittedException e) {
            return unavailable("circuit breaker open for " + settings.baseUri(), attempts.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("interrupted", attempts.get());
        } catch (IOException e) {
            return unavailable(e.getClass().getSimpleName() + ": " + e.getMessage() + " after " + attempts.get()
                    + " attempts", attempts.get());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** One attempt, headers and body within the request timeout; an answer that takes longer is abandoned. */
    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> answer =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return answer.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + settings.requestTimeout());
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    private static <T extends FatooraResponse> FatooraOutcome<T> unavailable(String reason, int attempts) {
        return new FatooraOutcome.GatewayUnavailable<>(reason, attempts,
                List.of(ValidationMessage.error("NETWORK", FatooraMessages.HTTP_CATEGORY, reason)));
    }

    private HttpRequest request(FatooraEndpoint endpoint, Map<String, String> headers, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(endpoint))
                .timeout(settings.requestTimeout())
                .header(FatooraHeaders.ACCEPT_VERSION, FatooraHeaders.SUPPORTED_VERSION)
                .header("Accept", FatooraHeaders.JSON)
                .header("Content-Type", FatooraHeaders.JSON)
                .header("Accept-Language", settings.language().tag())
                .method(endpoint.method(), HttpRequest.BodyPublishers.ofByteArray(FatooraJson.write(body)));
        headers.forEach(builder::header);
        return builder.build();
    }

    private URI resolve(FatooraEndpoint endpoint) {
        String base = settings.baseUri().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + endpoint.path());
    }

    /** One HTTP answer of the gateway, read into the outcome it stands for. */
    private final class Answer<T extends FatooraResponse> {
        private final FatooraEndpoint endpoint;
        private final Class<T> type;
        private final int status;
        private final byte[] body;
        private final int attempts;

        private Answer(FatooraEndpoint endpoint, Class<T> type, int status, byte[] body, int attempts) {
            this.endpoint = endpoint;
            this.type = type;
            this.status = status;
            this.body = body;
            this.attempts = attempts;
        }

        FatooraOutcome<T> interpret(Optional<String> retryAfter) {
            boolean submission = endpoint == FatooraEndpoint.REPORTING || endpoint == FatooraEndpoint.CLEARANCE;
            if (status == 208 || status == 409 && submission) {
                return new FatooraOutcome.AlreadyRecorded<>(status, parsed().orElseGet(this::empty));
            }
            if (status == 200 || status == 202) {
                return success();
            }
            if (status == 428 && endpoint == FatooraEndpoint.PRODUCTION_CSID_RENEWAL) {
                return renewal();
            }
            List<ValidationMessage> messages = FatooraMessages.of(status, body);
            return switch (status) {
                case 400 -> refusal(messages);
                case 401 -> new FatooraOutcome.Unauthorized<>(messages);
                case 303 -> new FatooraOutcome.ClearanceSwitchedOff<>(messages);
                case 429 -> new FatooraOutcome.Throttled<>(retryAfter.flatMap(value -> RetryAfter.parse(value, clock)),
                        messages);
                default -> isServerFailure(status)
                        ? new FatooraOutcome.GatewayUnavailable<>("HTTP " + status + " after " + attempts + " attempts",
                                attempts, messages)
                        : new FatooraOutcome.OtherStatus<>(status, messages);
            };
        }

        private FatooraOutcome<T> success() {
            Optional<T> response = parsed();
            if (response.isEmpty()) {
                // ZATCA may have recorded the call; a resend of the same document meets 409/208 if so
                return new FatooraOutcome.GatewayUnavailable<>("unreadable HTTP " + status + " answer", attempts,
                        FatooraMessages.of(status, body));
            }
            T answer = response.get();
            if (answer instanceof InvoiceResponse invoice && invoice.announcesDuplicate()) {
                return new FatooraOutcome.AlreadyRecorded<>(status, answer);
            }
            if (!answer.confirms(endpoint)) {
                List<ValidationMessage> messages = answer.messages().isEmpty()
                        ? List.of(FatooraMessages.made(status, "HTTP " + status + " without success: " + answer))
                        : answer.messages();
                return new FatooraOutcome.Rejected<>(answer, messages);
            }
            return status == 200
                    ? new FatooraOutcome.Accepted<>(answer)
                    : new FatooraOutcome.AcceptedWithWarnings<>(answer);
        }

        private FatooraOutcome<T> renewal() {
            Optional<CsidResponse> renewed = FatooraJson.objectOf(body).map(CsidResponse::fromJson)
                    .filter(CsidResponse::hasCredentials);
            return renewed.<FatooraOutcome<T>>map(FatooraOutcome.RenewalPendingCompliance::new)
                    .orElseGet(() -> new FatooraOutcome.OtherStatus<>(status, FatooraMessages.of(status, body)));
        }

        private FatooraOutcome<T> refusal(List<ValidationMessage> messages) {
            Optional<T> response = parsed();
            if (response.isEmpty()) {
                // a proxy's error page is still a 400, but not ZATCA's verdict on the request
                return new FatooraOutcome.OtherStatus<>(status, messages);
            }
            boolean otpCall = endpoint == FatooraEndpoint.COMPLIANCE_CSID
                    || endpoint == FatooraEndpoint.PRODUCTION_CSID_RENEWAL;
            if (otpCall && messages.stream().anyMatch(message -> INVALID_OTP.equalsIgnoreCase(message.code()))) {
                return new FatooraOutcome.InvalidOtp<>(messages);
            }
            return new FatooraOutcome.Rejected<>(response.get(), messages);
        }

        private Optional<T> parsed() {
            return FatooraJson.objectOf(body).map(json -> FatooraJson.convert(json, type));
        }

        private T empty() {
            return FatooraJson.convert(FatooraJson.emptyObject(), type);
        }
    }

    private static RetryConfig retryConfig(RetryPolicy policy) {
        return RetryConfig.<HttpResponse<byte[]>>custom()
                .maxAttempts(policy.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        policy.initialBackoff(), 2.0, 0.5, policy.maxBackoff()))
                .retryOnResult(response -> isServerFailure(response.statusCode()))
                .retryOnException(e -> e instanceof IOException)
                .build();
    }

    // Throttling (429) is not the gateway failing: the caller pauses for Retry-After instead of the breaker opening.
    private static CircuitBreakerConfig circuitBreakerConfig(CircuitBreakerPolicy policy) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(policy.slidingWindowSize())
                .minimumNumberOfCalls(policy.minimumCalls())
                .failureRateThreshold(policy.failureRatePercent())
                .waitDurationInOpenState(policy.openDuration())
                // half-open by the clock, not by the next call: callers that ask circuitState() before calling
                // (the ZATCA worker does, so that an open breaker costs no claims) would otherwise wait forever
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(policy.trialCalls())
                .recordException(e -> e instanceof IOException)
                .recordResult(result -> result instanceof HttpResponse<?> response
                        && isServerFailure(response.statusCode()))
                .build();
    }

    private static boolean isServerFailure(int status) {
        return status >= 500;
    }
}
