package sa.qayd.platform.signal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link Signals} over PostgreSQL's LISTEN/NOTIFY, which every replica shares already: a NOTIFY sent
 * inside a transaction is delivered to all listening sessions when it commits, and never when it
 * rolls back. Each process keeps one connection listening on {@value #CHANNEL}; announcements of one
 * transaction go out together, several keys per notification.
 */
@Component
public class PostgresSignals implements Signals, SmartLifecycle {
    static final String CHANNEL = "qayd_signals";
    private static final Logger log = LoggerFactory.getLogger(PostgresSignals.class);
    /** PostgreSQL refuses payloads of 8000 bytes or more. */
    private static final int MAX_PAYLOAD = 7000;
    private static final char TOPIC_END = '|';
    private static final char KEY_SEPARATOR = ',';
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Map<String, Set<RegisteredWaiter>> waiters = new ConcurrentHashMap<>();
    private volatile Thread listener;
    private volatile boolean running;

    public PostgresSignals(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void announce(String topic, String key) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            send(Map.of(topic, Set.of(key)));
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.keys.computeIfAbsent(topic, t -> new LinkedHashSet<>()).add(key);
    }

    @Override
    public Waiter waiter(String topic, String key) {
        String id = id(topic, key);
        RegisteredWaiter waiter = new RegisteredWaiter(id);
        waiters.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(waiter);
        return waiter;
    }

    /** The announcements of one transaction, sent on its own connection just before it commits. */
    private final class Pending implements TransactionSynchronization {
        private final Map<String, Set<String>> keys = new LinkedHashMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            send(keys);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(PostgresSignals.this);
        }
    }

    private void send(Map<String, Set<String>> keysByTopic) {
        for (String payload : payloads(keysByTopic)) {
            jdbc.queryForObject("select pg_notify(?, ?)::text", String.class, CHANNEL, payload);
        }
    }

    static List<String> payloads(Map<String, Set<String>> keysByTopic) {
        List<String> payloads = new ArrayList<>();
        keysByTopic.forEach((topic, keys) -> {
            StringBuilder payload = new StringBuilder(topic).append(TOPIC_END);
            int emptyLength = payload.length();
            for (String key : keys) {
                if (payload.length() > emptyLength && payload.length() + key.length() + 1 > MAX_PAYLOAD) {
                    payloads.add(payload.toString());
                    payload.setLength(emptyLength);
                }
                if (payload.length() > emptyLength) {
                    payload.append(KEY_SEPARATOR);
                }
                payload.append(key);
            }
            payloads.add(payload.toString());
        });
        return payloads;
    }

    private void received(String payload) {
        int topicEnd = payload.indexOf(TOPIC_END);
        if (topicEnd < 0) {
            return;
        }
        String topic = payload.substring(0, topicEnd);
        for (String key : payload.substring(topicEnd + 1).split(String.valueOf(KEY_SEPARATOR))) {
            Set<RegisteredWaiter> interested = waiters.get(id(topic, key));
            if (interested != null) {
                interested.forEach(RegisteredWaiter::wake);
            }
        }
    }

    private static String id(String topic, String key) {
        return topic + TOPIC_END + key;
    }

    private final class RegisteredWaiter implements Waiter {
        private final String id;
        private final CountDownLatch announced = new CountDownLatch(1);

        RegisteredWaiter(String id) {
            this.id = id;
        }

        void wake() {
            announced.countDown();
        }

        @Override
        public boolean await(Duration patience) throws InterruptedException {
            return announced.await(Math.max(0, patience.toNanos()), TimeUnit.NANOSECONDS);
        }

        @Override
        public void close() {
            waiters.computeIfPresent(id, (k, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
        }
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "signals-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the event processors and the ZATCA worker, after the database pool (which is not a lifecycle). */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                // whatever was announced while no connection listened is unknown: let every waiter look again
                wakeEveryone();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(1000);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            received(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for signals failed ({}); listening again in {}", e.getMessage(), RECONNECT_PAUSE);
                    pause();
                }
            }
        }
    }

    private void wakeEveryone() {
        waiters.values().forEach(set -> set.forEach(RegisteredWaiter::wake));
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
