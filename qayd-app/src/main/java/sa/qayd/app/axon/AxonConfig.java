package sa.qayd.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import sa.qayd.query.processing.EventGaps;

/**
 * Axon without Axon Server: JPA event store, tokens, sagas and dead letters in PostgreSQL, all
 * serialised as JSON by a mapper of Axon's own, so that the stored event format never follows the
 * web API's JSON settings (snake_case, strictness) by accident.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AxonConfig.NodeIdSetting.class)
// Axon's JPA event store auto-configuration, which registers these entities, backs off for our storage engine
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class AxonConfig {

    /** {@code qayd.node-id}: the name under which this process claims event-processor segments; empty for a unique one. */
    @ConfigurationProperties("qayd")
    record NodeIdSetting(@DefaultValue("") String nodeId) {
    }

    /** Axon picks the ObjectMapper bean of exactly this name for its Jackson serializers. */
    @Bean(name = "defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // tolerate fields added by newer versions of an event; upcasters handle the rest
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** A second ObjectMapper bean would switch Boot's off, so the web one is declared here as primary. */
    @Bean
    @Primary
    ObjectMapper webObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictNumbers() {
        return builder -> builder.featuresToEnable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /**
     * Retries a command that lost an optimistic-locking race with another replica, and nothing
     * else: domain refusals and ZATCA outages are answers, and the sagas own ZATCA retries.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retryExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                // 20, 40, 80 … ms: replicas racing for one busy unit all get through, one after the other
                .retryScheduler(new OptimisticLockRetries(ExponentialBackOffIntervalRetryScheduler.builder()
                        .retryExecutor(retryExecutor).backoffFactor(20).maxRetryCount(10)))
                .build();
    }


    /** Axon's own JPA storage engine as its auto-configuration builds it, with gaps that settle ({@link EventGaps}). */
    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("serializer") Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider, TransactionManager transactionManager,
                                          EventGaps gaps) {
        return new SettlingJpaEventStorageEngine(JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager), gaps);
    }

    /**
     * Each process claims token segments under its own name. Axon's default (pid@host) is the same
     * for two service instances in one JVM and, in containers, often "1@" plus a recycled host
     * name, and two nodes with one name would both work the same segment.
     */
    @Bean
    TokenStore tokenStore(EntityManagerProvider entityManagerProvider, Serializer serializer, NodeIdSetting setting) {
        String configuredNodeId = setting.nodeId();
        String nodeId = configuredNodeId.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8)
                : configuredNodeId;
        return JpaTokenStore.builder().entityManagerProvider(entityManagerProvider).serializer(serializer)
                .nodeId(nodeId).build();
    }

    /**
     * A projection that fails must not skip the event silently: errors propagate, so subscribing
     * groups roll the command back and tracking groups retry (or dead-letter where enabled).
     */
    @Autowired
    void propagateHandlerErrors(EventProcessingConfigurer configurer) {
        configurer.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
