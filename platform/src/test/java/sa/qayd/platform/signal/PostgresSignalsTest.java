package sa.qayd.platform.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two replicas on one real PostgreSQL: what one commits wakes the other; what it rolls back does not. */
class PostgresSignalsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static EmbeddedPostgres postgres;
    private static PostgresSignals replicaA;
    private static PostgresSignals replicaB;
    private static TransactionTemplate transactionOnA;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        DataSource dataSource = postgres.getPostgresDatabase();
        replicaA = new PostgresSignals(dataSource);
        replicaB = new PostgresSignals(dataSource);
        replicaA.start();
        replicaB.start();
        transactionOnA = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        // both listeners must be connected before anything is announced
        awaitListening(replicaA);
        awaitListening(replicaB);
    }

    @AfterAll
    static void stop() throws Exception {
        replicaA.stop();
        replicaB.stop();
        postgres.close();
    }

    @Test
    void aCommittedAnnouncementWakesAWaiterOnAnotherReplica() throws Exception {
        try (Signals.Waiter waiter = replicaB.waiter("invoice-outcome", "inv-1")) {
            transactionOnA.executeWithoutResult(status -> replicaA.announce("invoice-outcome", "inv-1"));
            assertThat(waiter.await(PATIENCE)).isTrue();
        }
    }

    @Test
    void aRolledBackAnnouncementWakesNobody() throws Exception {
        try (Signals.Waiter waiter = replicaB.waiter("invoice-outcome", "inv-2")) {
            transactionOnA.executeWithoutResult(status -> {
                replicaA.announce("invoice-outcome", "inv-2");
                status.setRollbackOnly();
            });
            assertThat(waiter.await(Duration.ofMillis(700))).isFalse();
        }
    }

    @Test
    void anAnnouncementIsDeliveredOnlyWhenTheTransactionCommits() throws Exception {
        try (Signals.Waiter waiter = replicaB.waiter("view", "unit-1")) {
            transactionOnA.executeWithoutResult(status -> {
                replicaA.announce("view", "unit-1");
                try {
                    assertThat(waiter.await(Duration.ofMillis(500))).isFalse();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(waiter.await(PATIENCE)).isTrue();
        }
    }

    @Test
    void otherKeysAndTopicsDoNotWakeAWaiter() throws Exception {
        try (Signals.Waiter waiter = replicaB.waiter("view", "unit-2")) {
            replicaA.announce("view", "unit-3");
            replicaA.announce("invoice-outcome", "unit-2");
            assertThat(waiter.await(Duration.ofMillis(700))).isFalse();
        }
    }

    @Test
    void manyKeysOfOneTransactionAllArrive() throws Exception {
        int count = 600; // more than fits one notification payload
        var waiters = IntStream.range(0, count).mapToObj(i -> replicaB.waiter("view", "key-" + i)).toList();
        try {
            transactionOnA.executeWithoutResult(status -> IntStream.range(0, count)
                    .forEach(i -> replicaA.announce("view", "key-" + i)));
            for (Signals.Waiter waiter : waiters) {
                assertThat(waiter.await(PATIENCE)).isTrue();
            }
        } finally {
            waiters.forEach(Signals.Waiter::close);
        }
    }

    @Test
    void payloadsStayBelowPostgresLimitAndKeepEveryKey() {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        Set<String> many = new LinkedHashSet<>();
        IntStream.range(0, 1000).forEach(i -> many.add("01234567-89ab-cdef-0123-4567890abc" + String.format("%02d", i % 100) + i));
        keys.put("invoice", many);
        var payloads = PostgresSignals.payloads(keys);
        assertThat(payloads).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p.length()).isLessThan(8000));
        assertThat(payloads.stream().flatMap(p -> Set.of(p.substring(p.indexOf('|') + 1).split(",")).stream()))
                .containsExactlyInAnyOrderElementsOf(many);
    }

    private static void awaitListening(PostgresSignals signals) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Signals.Waiter probe = signals.waiter("probe", "ready")) {
                signals.announce("probe", "ready");
                if (probe.await(Duration.ofMillis(100))) {
                    return;
                }
            }
        }
        throw new IllegalStateException("the listener never started");
    }
}
