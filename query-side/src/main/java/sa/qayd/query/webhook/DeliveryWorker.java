package sa.qayd.query.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, on every replica. A receiver that answers 2xx has the event; anything else
 * (another status, a redirect, a timeout, a refused connection) is tried again later.
 */
@Component
class DeliveryWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Deliveries deliveries;
    private final WebhookTargets targets;
    private final WebhookSettings settings;
    private final RetrySchedule retries;
    private final Clock clock;
    private final HttpClient http;
    private volatile ScheduledExecutorService scheduler;

    DeliveryWorker(Deliveries deliveries, WebhookTargets targets, WebhookSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.targets = targets;
        this.settings = settings;
        this.retries = RetrySchedule.of(settings);
        this.clock = clock;
        // redirects are not followed: they could lead to an address the URL check never saw
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public void start() {
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
                CompletableFuture.allOf(round.stream().map(this::attempt).toArray(CompletableFuture[]::new)).join();
            } while (round.size() == settings.batchSize() && isRunning());
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again
            log.warn("A webhook delivery round failed; the next one tries again", e);
        }
    }

    private CompletableFuture<Void> attempt(Deliveries.Claimed delivery) {
        Optional<String> refusal = targets.refusal(delivery.url());
        if (refusal.isPresent()) {
            failed(delivery, null, "not sent: the URL " + refusal.get());
            return CompletableFuture.completedFuture(null);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Qayd-Webhooks/1")
                .header("Qayd-Signature", delivery.secret().signatureHeader(clock.instant().getEpochSecond(), delivery.payload()))
                .header("Qayd-Event-Id", delivery.eventId())
                .header("Qayd-Delivery-Id", delivery.deliveryId().toString())
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                failed(delivery, null, cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
            } else if (response.statusCode() / 100 == 2) {
                deliveries.delivered(delivery, response.statusCode());
            } else {
                failed(delivery, response.statusCode(), "the receiver answered HTTP " + response.statusCode());
            }
            return null;
        });
    }

    private void failed(Deliveries.Claimed delivery, Integer statusCode, String error) {
        deliveries.attemptFailed(delivery, statusCode, error,
                retries.nextAttempt(delivery.attempts(), delivery.retryingSince(), clock.instant()));
    }
}
