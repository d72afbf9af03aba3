package sa.qayd.query.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, on every replica. A receiver that answers 2xx has the event; anything else
 * (another status, a redirect, a timeout, a refused connection) is tried again later. Every attempt is
 * counted by outcome ({@code qayd.webhook.deliveries}): delivered, retrying, or given up once its retries
 * ran out.
 */
@Component
class DeliveryWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final List<String> OUTCOMES = List.of("delivered", "retrying", "given_up");

    private final Deliveries deliveries;
    private final WebhookTargets targets;
    private final WebhookSettings settings;
    private final RetrySchedule retries;
    private final Clock clock;
    private final CloseableHttpAsyncClient http;
    private final MeterRegistry meters;
    private volatile ScheduledExecutorService scheduler;

    DeliveryWorker(Deliveries deliveries, WebhookTargets targets, WebhookSettings settings, Clock clock,
                   MeterRegistry meters) {
        this.deliveries = deliveries;
        this.meters = meters;
        // every outcome is a series from the start, so a rate of failures can be alerted on before the first one
        OUTCOMES.forEach(this::counter);
        this.targets = targets;
        this.settings = settings;
        this.retries = RetrySchedule.of(settings);
        this.clock = clock;
        // redirects are not followed: they could lead to an address the URL check never saw; and the
        // connection goes only to addresses checked in the same lookup (no DNS rebinding)
        this.http = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedDnsResolver(targets))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                                .setSocketTimeout(Timeout.of(settings.requestTimeout())).build())
                        .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(settings.requestTimeout())).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Qayd-Webhooks/1")
                .build();
    }

    @Override
    public void start() {
        http.start();
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-delivery");
            thread.setDaemon(true);
            return thread;
        });
        long poll = settings.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::deliverDue, poll, poll, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        running.shutdown();
        try {
            // let attempts in flight record their outcome; an interrupted one would only be retried later
            running.awaitTermination(settings.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close(CloseMode.GRACEFUL);
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Rounds until nothing is due; one round's attempts run side by side (never two of one subject). */
    private void deliverDue() {
        try {
            List<Deliveries.Claimed> round;
            do {
                round = deliveries.claimDue(settings.batchSize(), settings.claimLease());
                List<CompletableFuture<Deliveries.Delivered>> attempts = round.stream().map(this::attempt).toList();
                deliveries.delivered(attempts.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList());
            } while (round.size() == settings.batchSize() && isRunning());
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again
            log.warn("A webhook delivery round failed; the next one tries again", e);
        }
    }

    /**
     * Sends one delivery; completes with what to record when the receiver took it, or null when it did
     * not (the failed attempt is recorded at once). The round records its deliveries together: until
     * then the claim's lease keeps them from being sent again.
     */
    private CompletableFuture<Deliveries.Delivered> attempt(Deliveries.Claimed delivery) {
        Optional<String> refusal = targets.refusal(delivery.url());
        if (refusal.isPresent()) {
            retryLater(delivery, null, "not sent: the URL " + refusal.get());
            return CompletableFuture.completedFuture(null);
        }
        SimpleHttpRequest request = SimpleRequestBuilder.post(delivery.url())
                .setBody(delivery.payload(), ContentType.APPLICATION_JSON)
                .addHeader("Qayd-Signature", delivery.secret().signatureHeader(clock.instant().getEpochSecond(), delivery.payload()))
                .addHeader("Qayd-Event-Id", delivery.eventId())
                .addHeader("Qayd-Delivery-Id", delivery.deliveryId().toString())
                .build();
        CompletableFuture<Deliveries.Delivered> outcome = new CompletableFuture<>();
        http.execute(request, new FutureCallback<SimpleHttpResponse>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                if (response.getCode() / 100 == 2) {
                    count("delivered");
                    outcome.complete(new Deliveries.Delivered(delivery.deliveryId(), response.getCode(), clock.instant()));
                } else {
                    retryLater(delivery, response.getCode(), "the receiver answered HTTP " + response.getCode());
                    outcome.complete(null);
                }
            }

            @Override
            public void failed(Exception error) {
                retryLater(delivery, null,
                        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
                outcome.complete(null);
            }

            @Override
            public void cancelled() {
                retryLater(delivery, null, "cancelled");
                outcome.complete(null);
            }
        });
        return outcome;
    }

    private void retryLater(Deliveries.Claimed delivery, Integer statusCode, String error) {
        Optional<Instant> next = retries.nextAttempt(delivery.attempts(), delivery.retryingSince(), clock.instant());
        deliveries.attemptFailed(delivery, statusCode, error, next);
        count(next.isPresent() ? "retrying" : "given_up");
    }

    private void count(String outcome) {
        counter(outcome).increment();
    }

    private Counter counter(String outcome) {
        return Counter.builder("qayd.webhook.deliveries").description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome).register(meters);
    }
}
