package sa.qayd.command.zatca;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.time.Clock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sa.qayd.zatca.fatoora.CircuitBreakerPolicy;
import sa.qayd.zatca.fatoora.FatooraCallListener;
import sa.qayd.zatca.fatoora.FatooraClient;
import sa.qayd.zatca.fatoora.FatooraClientSettings;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.fatoora.MessageLanguage;
import sa.qayd.zatca.fatoora.RetryPolicy;
import sa.qayd.zatca.simulator.FatooraSimulator;
import sa.qayd.platform.local.DataDirectory;
import sa.qayd.zatca.simulator.SimulatorSettings;

/**
 * Gateways per environment. By default the sandbox talks to a local Fatoora simulator started in
 * this process, so everything works offline; production talks to ZATCA's core gateway.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ZatcaGatewaySettings.class)
class ZatcaGatewayConfig {
    static final String EMBEDDED = "embedded-simulator";
    private static final Logger log = LoggerFactory.getLogger(ZatcaGatewayConfig.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "qayd.zatca.sandbox.base-url", havingValue = EMBEDDED, matchIfMissing = true)
    FatooraSimulator embeddedFatooraSimulator(DataDirectory dataDirectory) throws IOException {
        SimulatorSettings settings = SimulatorSettings.defaults();
        if (dataDirectory.path().isPresent()) {
            // the same CA and compliance progress across restarts, so certificates it issued keep verifying
            Path caFile = dataDirectory.path().get().resolve("simulator-ca.pem");
            Files.createDirectories(caFile.getParent());
            settings = settings.persistedAt(caFile);
        }
        FatooraSimulator simulator = FatooraSimulator.start(settings);
        log.info("Local Fatoora simulator (sandbox gateway) at {}; OTP {}", simulator.baseUri(), SimulatorSettings.SANDBOX_OTP);
        return simulator;
    }

    /** {@code simulation}, or {@code developer-portal} (also {@code sandbox}, its name at ZATCA's and in older settings). */
    static FatooraEnvironment sandboxGateway(String setting) {
        String name = setting.trim().toLowerCase(Locale.ROOT);
        return name.equals("developer-portal") || name.equals("developer_portal")
                ? FatooraEnvironment.SANDBOX : FatooraEnvironment.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The gateways' circuit breakers, one per base URL; shared so that monitoring can watch them. */
    @Bean
    CircuitBreakerRegistry zatcaCircuitBreakers() {
        return CircuitBreakerRegistry.ofDefaults();
    }

    @Bean
    ZatcaGateways zatcaGateways(ObjectProvider<FatooraSimulator> simulator, CircuitBreakerRegistry breakers,
                                ObjectProvider<FatooraCallListener> callListener, Clock clock,
                                ZatcaGatewaySettings settings) {
        ZatcaGatewaySettings.Retry retries = settings.retry();
        RetryPolicy retry = new RetryPolicy(retries.maxAttempts(), retries.initialBackoff(), retries.maxBackoff());
        CircuitBreakerPolicy defaults = CircuitBreakerPolicy.DEFAULT;
        CircuitBreakerPolicy breaker = new CircuitBreakerPolicy(defaults.slidingWindowSize(), defaults.minimumCalls(),
                defaults.failureRatePercent(), settings.circuitBreaker().openDuration(), defaults.trialCalls());
        FatooraEnvironment sandbox = sandboxGateway(settings.sandbox().gateway());
        String sandboxBaseUrl = settings.sandbox().baseUrl();
        URI sandboxUri = EMBEDDED.equals(sandboxBaseUrl) ? simulator.getObject().baseUri() : URI.create(sandboxBaseUrl);
        MessageLanguage messages = MessageLanguage.valueOf(settings.language().trim().toUpperCase(Locale.ROOT));
        FatooraClientSettings sandboxSettings = FatooraClientSettings.defaults(sandbox).withBaseUri(sandboxUri)
                .withLanguage(messages).withRetry(retry).withCircuitBreaker(breaker);
        FatooraClientSettings productionSettings = FatooraClientSettings.defaults(FatooraEnvironment.PRODUCTION)
                .withLanguage(messages).withRetry(retry).withCircuitBreaker(breaker);
        String productionBaseUrl = settings.production().baseUrl();
        if (!productionBaseUrl.isBlank()) {
            productionSettings = productionSettings.withBaseUri(URI.create(productionBaseUrl));
        }
        log.info("ZATCA gateways: sandbox {} ({}), production {}", sandboxSettings.baseUri(), sandbox,
                productionSettings.baseUri());
        FatooraCallListener listener = callListener.getIfAvailable(() -> FatooraCallListener.NONE);
        return new ZatcaGateways(new FatooraClient(sandboxSettings, breakers, clock, listener),
                new FatooraClient(productionSettings, breakers, clock, listener));
    }
}
