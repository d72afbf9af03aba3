package sa.qayd.app.observability;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sa.qayd.command.zatca.ZatcaGateways;
import sa.qayd.command.zatca.ZatcaWorkQueue;
import sa.qayd.command.zatca.ZatcaWorker;
import sa.qayd.zatca.fatoora.FatooraCallListener;

/**
 * Metrics (published at /actuator/prometheus), trace propagation through commands and events, and the ZATCA
 * gateways' health detail.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsSettings.class)
class ObservabilityConfig {

    @Bean
    FatooraCallListener zatcaCallMetrics(MeterRegistry meters) {
        return new ZatcaCallMetrics(meters);
    }

    /** resilience4j's own series: {@code resilience4j_circuitbreaker_state{name=<gateway URL>, state=…}} and more. */
    @Bean
    MeterBinder zatcaCircuitBreakerMetrics(CircuitBreakerRegistry zatcaCircuitBreakers) {
        return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(zatcaCircuitBreakers);
    }

    @Bean
    MeterBinder zatcaWorkMetrics(ZatcaWorkQueue queue, ZatcaWorker worker, MetricsSettings settings, Clock clock) {
        return new ZatcaWorkMetrics(queue, worker, settings, clock);
    }

    @Bean
    ZatcaGatewaysHealth zatcaGatewaysHealthIndicator(ZatcaGateways gateways) {
        return new ZatcaGatewaysHealth(gateways);
    }

    @Bean
    TraceCorrelation traceCorrelation(ObjectProvider<Tracer> tracer) {
        return new TraceCorrelation(tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    /** Axon's default provider (correlationId, traceId: message ids), which backs off once any provider is declared. */
    @Bean
    CorrelationDataProvider axonMessageOrigin() {
        return new MessageOriginProvider();
    }

    /** Commands carry the sender's trace; the bus exists before this runs, and it sends no command before. */
    @Bean
    SmartInitializingSingleton traceCommands(CommandBus commandBus, TraceCorrelation traceCorrelation) {
        return () -> commandBus.registerDispatchInterceptor(traceCorrelation);
    }
}
