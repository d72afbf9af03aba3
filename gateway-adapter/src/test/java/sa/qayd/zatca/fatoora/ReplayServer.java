package sa.qayd.zatca.fatoora;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that answers each call with a canned answer (status, headers and body verbatim), so that
 * the client is tested against what ZATCA's gateways were recorded to say, not against our own simulator. A delayed
 * answer is scheduled, not slept on, so hundreds can be outstanding at once.
 */
final class ReplayServer implements AutoCloseable {
    static final String BASE_PATH = "/e-invoicing/simulation";

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Canned> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final List<Runnable> held = new ArrayList<>();
    private int holdUntilInFlight;

    /** One answer as a gateway sent it. */
    record Canned(int status, Map<String, String> headers, byte[] body, Duration delay) {

        static Canned json(int status, String body) {
            return new Canned(status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO);
        }

        static Canned text(int status, String contentType, String body) {
            return new Canned(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO);
        }

        Canned withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Canned(status, more, body, delay);
        }

        Canned after(Duration newDelay) {
            return new Canned(status, headers, body, newDelay);
        }
    }

    /** One call as the server received it. */
    record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private ReplayServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    static ReplayServer start() {
        try {
            return new ReplayServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH);
    }

    /** Every call of {@code method} to the endpoint gets this answer. */
    ReplayServer answer(FatooraEndpoint endpoint, Canned canned) {
        answers.put(endpoint.method() + " " + BASE_PATH + endpoint.path(), canned);
        return this;
    }

    /**
     * Answers nothing until {@code calls} calls wait at once (or {@code atMost} has passed), then all of them: a
     * client that serialises its calls never gets there.
     */
    ReplayServer holdUntilInFlight(int calls, Duration atMost) {
        synchronized (held) {
            holdUntilInFlight = calls;
        }
        delays.schedule(this::releaseHeld, atMost.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The most calls the server had received but not yet answered at one time. */
    int mostInFlight() {
        return mostInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
        delays.shutdownNow();
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        Canned canned = answers.getOrDefault(exchange.getRequestMethod() + " " + path,
                Canned.text(404, "text/plain", "no canned answer for " + path));
        synchronized (held) {
            if (holdUntilInFlight > 0) {
                held.add(() -> send(exchange, canned));
                if (inFlight.get() >= holdUntilInFlight) {
                    releaseHeld();
                }
                return;
            }
        }
        if (canned.delay().isZero()) {
            send(exchange, canned);
        } else {
            delays.schedule(() -> send(exchange, canned), canned.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void releaseHeld() {
        List<Runnable> answers;
        synchronized (held) {
            holdUntilInFlight = 0;
            answers = List.copyOf(held);
            held.clear();
        }
        answers.forEach(delays::execute);
    }

    private void send(HttpExchange exchange, Canned canned) {
        inFlight.decrementAndGet();
        try {
            canned.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(canned.status(), canned.body().length == 0 ? -1 : canned.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(canned.body());
            }
        } catch (IOException clientGone) {
            // the client gave up (its timeout); nothing to answer
        } finally {
            exchange.close();
        }
    }
}
