package sa.qayd.app.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An integrator's webhook endpoint on loopback. It checks every request's signature the way the
 * documentation tells integrators to, and can be told to fail the next requests.
 */
final class Receiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived, and what the receiver answered. */
    record Request(JsonNode event, String eventId, String deliveryId, boolean signatureValid, int answered,
                   Instant arrivedAt) {
        String type() {
            return event.path("type").asText();
        }

        /** The invoice or EGS unit the event is about. */
        String subjectId() {
            JsonNode data = event.path("data");
            return data.has("invoice_id") ? data.path("invoice_id").asText() : data.path("egs_unit_id").asText(null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToGo = new AtomicInteger();
    private volatile String secret;

    private Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", this::receive);
        server.start();
    }

    static Receiver start() {
        try {
            return new Receiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The secret Qayd showed when the webhook was registered. */
    void trust(String signingSecret) {
        this.secret = signingSecret;
    }

    /** The next {@code count} requests get HTTP 500. */
    void failNext(int count) {
        failuresToGo.set(count);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The events taken (2xx), in the order they arrived. */
    List<Request> accepted() {
        return requests.stream().filter(request -> request.answered() == 204).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String signature = exchange.getRequestHeaders().getFirst("Qayd-Signature");
        boolean valid = "POST".equals(exchange.getRequestMethod()) && signatureMatches(signature, body);
        int status = failuresToGo.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? 500 : 204;
        requests.add(new Request(JSON.readTree(body), exchange.getRequestHeaders().getFirst("Qayd-Event-Id"),
                exchange.getRequestHeaders().getFirst("Qayd-Delivery-Id"), valid, status, Instant.now()));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}, at most five minutes old. */
    private boolean signatureMatches(String header, byte[] body) {
        if (header == null || secret == null || !header.matches("t=\\d+,v1=[0-9a-f]{64}")) {
            return false;
        }
        String timestamp = header.substring(2, header.indexOf(','));
        String given = header.substring(header.indexOf("v1=") + 3);
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(given));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
