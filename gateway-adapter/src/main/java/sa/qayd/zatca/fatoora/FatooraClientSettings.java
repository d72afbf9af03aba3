package sa.qayd.zatca.fatoora;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Configuration of one {@link FatooraClient}. The base URI may point elsewhere than the environment's default
 * (a simulator, a proxy), but never at another environment's well-known gateway.
 */
public record FatooraClientSettings(
        FatooraEnvironment environment,
        URI baseUri,
        MessageLanguage language,
        Duration connectTimeout,
        Duration requestTimeout,
        RetryPolicy retry,
        CircuitBreakerPolicy circuitBreaker) {

    public FatooraClientSettings {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
        URI base = baseUri;
        Arrays.stream(FatooraEnvironment.values())
                .filter(other -> other != environment && sameGateway(other.defaultBaseUri(), base))
                .findAny()
                .ifPresent(other -> {
                    throw new IllegalArgumentException(
                            "base URI " + base + " is the " + other + " gateway, not " + environment);
                });
    }

    public static FatooraClientSettings defaults(FatooraEnvironment environment) {
        return new FatooraClientSettings(environment, environment.defaultBaseUri(), MessageLanguage.EN,
                Duration.ofSeconds(5), Duration.ofSeconds(30), RetryPolicy.DEFAULT, CircuitBreakerPolicy.DEFAULT);
    }

    public FatooraClientSettings withBaseUri(URI newBaseUri) {
        return new FatooraClientSettings(environment, newBaseUri, language, connectTimeout, requestTimeout, retry,
                circuitBreaker);
    }

    public FatooraClientSettings withLanguage(MessageLanguage newLanguage) {
        return new FatooraClientSettings(environment, baseUri, newLanguage, connectTimeout, requestTimeout, retry,
                circuitBreaker);
    }

    public FatooraClientSettings withTimeouts(Duration newConnectTimeout, Duration newRequestTimeout) {
        return new FatooraClientSettings(environment, baseUri, language, newConnectTimeout, newRequestTimeout, retry,
                circuitBreaker);
    }

    public FatooraClientSettings withRetry(RetryPolicy newRetry) {
        return new FatooraClientSettings(environment, baseUri, language, connectTimeout, requestTimeout, newRetry,
                circuitBreaker);
    }

    public FatooraClientSettings withCircuitBreaker(CircuitBreakerPolicy newCircuitBreaker) {
        return new FatooraClientSettings(environment, baseUri, language, connectTimeout, requestTimeout, retry,
                newCircuitBreaker);
    }

    private static boolean sameGateway(URI a, URI b) {
        return stripTrailingSlash(a).equalsIgnoreCase(stripTrailingSlash(b));
    }

    private static String stripTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
