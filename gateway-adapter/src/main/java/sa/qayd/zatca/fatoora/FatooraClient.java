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
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client of one ZATCA Fatoora gateway (one environment, one base URL). Thread-safe; create one per gateway.
 *
 * <p>Every call returns a {@link FatooraOutcome} instead of throwing for HTTP or network failures. Transient
 * failures are retried with exponential backoff and jitter; a circuit breaker per gateway stops hammering a
 * gateway that is down. A call for another environment than the client's throws
 * {@link EnvironmentMismatchException} before anything is sent.
 */
public final class FatooraClient {
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(429, 500, 502, 503, 504);

    private final FatooraClientSettings settings;
    private final HttpClient http;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    public FatooraClient(FatooraClientSettings settings) {
        this(settings, CircuitBreakerRegistry.ofDefaults());
    }

    /**
     * @param breakers shared registry, so that all clients of the same base URL share one breaker
     */
    public FatooraClient(FatooraClientSettings settings, CircuitBreakerRegistry breakers) {
        this.settings = settings;
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

    /** Credentials from a successful CSID answer of this client's gateway. */
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

    /** Call #3: exchanges a compliance CSID that passed its checks for a production CSID. */
    public FatooraOutcome<CsidResponse> requestProductionCsid(GatewayCredentials complianceCsid, long complianceRequestId) {
        return call(FatooraEndpoint.PRODUCTION_CSID, authorized(complianceCsid),
                Map.of("compliance_request_id", Long.toString(complianceRequestId)), CsidResponse.class);
    }

    /** Call #4: renews a production CSID before it expires, with a new CSR and a new OTP. */
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

    private <T> FatooraOutcome<T> call(
            FatooraEndpoint endpoint, Map<String, String> headers, Object body, Class<T> responseType) {
        HttpRequest request = request(endpoint, headers, body);
        AtomicInteger attempts = new AtomicInteger();
        CheckedSupplier<HttpResponse<byte[]>> attempt = () -> {
            attempts.incrementAndGet();
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        };
        try {
            HttpResponse<byte[]> response = Retry.decorateCheckedSupplier(retry,
                    CircuitBreaker.decorateCheckedSupplier(circuitBreaker, attempt)).get();
            return interpret(response, responseType, attempts.get());
        } catch (CallNotPermittedException e) {
            return new FatooraOutcome.GatewayUnavailable<>("circuit breaker open for " + settings.baseUri(),
                    attempts.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FatooraOutcome.GatewayUnavailable<>("interrupted", attempts.get());
        } catch (IOException e) {
            return new FatooraOutcome.GatewayUnavailable<>(e.getClass().getSimpleName() + ": " + e.getMessage(),
                    attempts.get());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
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

    private static <T> FatooraOutcome<T> interpret(HttpResponse<byte[]> response, Class<T> type, int attempts) {
        int status = response.statusCode();
        String text = new String(response.body(), StandardCharsets.UTF_8);
        return switch (status) {
            case 200 -> new FatooraOutcome.Accepted<>(parse(response, type));
            case 202 -> new FatooraOutcome.AcceptedWithWarnings<>(parse(response, type));
            case 400 -> {
                try {
                    yield new FatooraOutcome.Rejected<>(FatooraJson.read(response.body(), type));
                } catch (IOException notZatcaJson) {
                    // a proxy's HTML error page is still a 400, but not ZATCA's verdict on the document
                    yield new FatooraOutcome.OtherStatus<>(status, text);
                }
            }
            case 401 -> new FatooraOutcome.Unauthorized<>(text);
            case 303 -> new FatooraOutcome.ClearanceSwitchedOff<>(text);
            default -> TRANSIENT_STATUSES.contains(status)
                    ? new FatooraOutcome.GatewayUnavailable<>("HTTP " + status + " after " + attempts + " attempts",
                            attempts)
                    : new FatooraOutcome.OtherStatus<>(status, text);
        };
    }

    // An accepted submission is recorded at ZATCA; an unreadable answer must surface, not pass for a failure.
    private static <T> T parse(HttpResponse<byte[]> response, Class<T> type) {
        try {
            return FatooraJson.read(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + response.statusCode() + " answer from "
                    + response.uri(), e);
        }
    }

    private static RetryConfig retryConfig(RetryPolicy policy) {
        return RetryConfig.<HttpResponse<byte[]>>custom()
                .maxAttempts(policy.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        policy.initialBackoff(), 2.0, 0.5, policy.maxBackoff()))
                .retryOnResult(response -> TRANSIENT_STATUSES.contains(response.statusCode()))
                .retryOnException(e -> e instanceof IOException)
                .build();
    }

    private static CircuitBreakerConfig circuitBreakerConfig(CircuitBreakerPolicy policy) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(policy.slidingWindowSize())
                .minimumNumberOfCalls(policy.minimumCalls())
                .failureRateThreshold(policy.failureRatePercent())
                .waitDurationInOpenState(policy.openDuration())
                .permittedNumberOfCallsInHalfOpenState(policy.trialCalls())
                .recordException(e -> e instanceof IOException)
                .recordResult(result -> result instanceof HttpResponse<?> response
                        && TRANSIENT_STATUSES.contains(response.statusCode()))
                .build();
    }
}
