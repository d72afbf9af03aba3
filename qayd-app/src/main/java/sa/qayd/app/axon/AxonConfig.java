package sa.qayd.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
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
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
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
 * Axon without Axon Server: event store (JDBC), tokens, sagas and dead letters (JPA) in PostgreSQL, all
 * serialised as JSON by a mapper of Axon's own, so that the stored event format never follows the
 * web API's JSON settings (snake_case, strictness) by accident.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AxonConfig.NodeIdSetting.class)
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


    /** The tables as Flyway made them for Axon's JPA entities (V1): snake_case, where the JDBC engine assumes camelCase. */
    private static final EventSchema EVENT_TABLES = EventSchema.builder()
            .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index").timestampColumn("time_stamp").eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
            .payloadTypeColumn("payload_type").payloadRevisionColumn("payload_revision").metaDataColumn("meta_data")
            .build();

    /** Events of one aggregate read per query; a shorter batch is its stream's last (sequence numbers have no gaps). */
    private static final int AGGREGATE_BATCH = 100;

    /**
     * Axon's JDBC storage engine on the transaction's own connection (JPA, JdbcTemplate and the event
     * store commit together), with gaps that settle ({@link EventGaps}). JDBC rather than JPA: a unit
     * of work's events go in one batch of inserts that number themselves, where Hibernate asked the
     * sequence for every event first.
     */
    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("serializer") Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          DataSource dataSource, TransactionManager transactionManager,
                                          EventGaps gaps) {
        return new SettlingJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .schema(EVENT_TABLES)
                .batchSize(AGGREGATE_BATCH)
                .finalAggregateBatchPredicate(batch -> batch.size() < AGGREGATE_BATCH)
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource)))
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
