package sa.qayd.zatca.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import sa.qayd.zatca.fatoora.FatooraEndpoint;
import sa.qayd.zatca.fatoora.FatooraHeaders;
import sa.qayd.zatca.fatoora.GatewayError;

/**
 * A local stand-in for a ZATCA Fatoora gateway: same paths, headers, status codes and JSON, real certificates
 * from its own CA (or the SDK's, as the developer portal hands out), ZATCA's XSD and schematron and real checks of
 * submitted documents, duplicate detection, the 428 renewal, an optional fixed latency and injectable faults.
 * Listens on 127.0.0.1 unless started standalone with {@code --listen <address>} (for a container of its own).
 *
 * <p>A delayed answer is scheduled, not slept on: the workers only compute answers, so several hundred calls can
 * wait for their latency at once.
 *
 * <p>Embedded: {@code try (var simulator = FatooraSimulator.start(SimulatorSettings.defaults())) { ... }}.
 * Standalone: see {@link #main(String[])}; faults are then set over HTTP, see {@link SimulatorControl}.
 */
public final class FatooraSimulator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FatooraSimulator.class.getName());
    private static final int WORKER_THREADS = 8;
    private static final int CONNECTION_BACKLOG = 1024;

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService delayedAnswers;
    private final SimulatorSettings settings;
    private final SimulatedGateway gateway;
    private final FaultPlan faults = new FaultPlan(Clock.systemUTC());
    private final AtomicInteger receivedCalls = new AtomicInteger();

    private FatooraSimulator(SimulatorSettings settings, InetAddress listenAddress) throws IOException {
        this.settings = settings;
        this.gateway = new SimulatedGateway(settings, Clock.systemUTC());
        this.server = HttpServer.create(new InetSocketAddress(listenAddress, settings.port()), CONNECTION_BACKLOG);
        this.workers = Executors.newFixedThreadPool(WORKER_THREADS, daemon("fatoora-simulator"));
        this.delayedAnswers = Executors.newScheduledThreadPool(2, daemon("fatoora-simulator-latency"));
        server.setExecutor(workers);
        server.createContext(settings.basePath(), this::serve);
        server.createContext(SimulatorControl.PATH, this::control);
    }

    public static FatooraSimulator start(SimulatorSettings settings) throws IOException {
        return start(settings, InetAddress.getLoopbackAddress());
    }

    /** Only for a simulator in its own container, which other containers must reach; tests stay on loopback. */
    static FatooraSimulator start(SimulatorSettings settings, InetAddress listenAddress) throws IOException {
        FatooraSimulator simulator = new FatooraSimulator(settings, listenAddress);
        simulator.server.start();
        return simulator;
    }

    /** The base URL to configure a client with, e.g. {@code http://127.0.0.1:41234/e-invoicing/developer-portal}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + settings.basePath());
    }

    /** Faults for the next calls; changeable at any time. */
    public FaultPlan faults() {
        return faults;
    }

    /** The CA every CSID of this simulator chains to. */
    public X509Certificate caCertificate() {
        return settings.ca().certificate();
    }

    /** With clearance off, the clearance endpoint answers 303 as ZATCA does for taxpayers it switched off. */
    public void clearanceEnabled(boolean enabled) {
        gateway.clearanceEnabled(enabled);
    }

    /** Calls that reached the simulator, faulted ones included. */
    public int receivedCalls() {
        return receivedCalls.get();
    }

    @Override
    public void close() {
        server.stop(0);
        delayedAnswers.shutdownNow();
        workers.shutdownNow();
    }

    private void serve(HttpExchange exchange) {
        receivedCalls.incrementAndGet();
        Optional<Fault> fault = faults.next();
        Reply reply;
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (fault.isPresent() && fault.get() instanceof Fault.Drop) {
                exchange.close(); // closing an exchange that sent no headers closes the connection
                return;
            }
            reply = fault.isPresent() && fault.get() instanceof Fault.Status status
                    ? Reply.error(status.status(), "Injected-Fault", "simulated HTTP " + status.status())
                    : answer(exchange, body);
            if (fault.isPresent() && fault.get() instanceof Fault.LoseAnswer) {
                exchange.close(); // handled and recorded, but the caller never hears of it
                return;
            }
        } catch (IOException clientGone) {
            LOG.log(Level.FINE, "client went away", clientGone);
            exchange.close();
            return;
        }
        Duration delay = fault.isPresent() && fault.get() instanceof Fault.Delay extra
                ? settings.latency().plus(extra.latency())
                : settings.latency();
        if (delay.isZero()) {
            sendAndClose(exchange, reply);
        } else {
            delayedAnswers.schedule(() -> sendAndClose(exchange, reply), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void control(HttpExchange exchange) {
        try {
            exchange.getRequestBody().readAllBytes();
        } catch (IOException clientGone) {
            LOG.log(Level.FINE, "client went away", clientGone);
        }
        sendAndClose(exchange, SimulatorControl.handle(exchange.getRequestMethod(), exchange.getRequestURI(), faults,
                gateway::clearanceEnabled));
    }

    private Reply answer(HttpExchange exchange, byte[] body) {
        if (!FatooraHeaders.SUPPORTED_VERSION.equals(exchange.getRequestHeaders().getFirst(FatooraHeaders.ACCEPT_VERSION))) {
            return Reply.text(406, "This Version is not supported or not provided in the header.");
        }
        String path = exchange.getRequestURI().getPath().substring(settings.basePath().length());
        String method = exchange.getRequestMethod();
        Optional<FatooraEndpoint> endpoint = Arrays.stream(FatooraEndpoint.values())
                .filter(candidate -> candidate.path().equals(path) && candidate.method().equals(method))
                .findFirst();
        if (endpoint.isEmpty()) {
            return Reply.error(404, "Not-Found", method + " " + path + " is not a Fatoora endpoint");
        }
        CsidKind required = SimulatedGateway.requiredCsid(endpoint.get());
        IssuedCsid caller = null;
        if (required != null) {
            Optional<IssuedCsid> authenticated = gateway.csids()
                    .authenticate(exchange.getRequestHeaders().getFirst("Authorization"))
                    .filter(csid -> csid.kind() == required);
            if (authenticated.isEmpty()) {
                return Reply.error(401, "Unauthorized", "a valid " + required + " CSID is required");
            }
            caller = authenticated.get();
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : new String[] {FatooraHeaders.OTP, FatooraHeaders.CLEARANCE_STATUS}) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        try {
            return gateway.handle(endpoint.get(), caller, headers, body);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "simulator failed on " + method + " " + path, e);
            return Reply.json(500, new GatewayError("500", "HTTP-Errors",
                    "Something went wrong and caused an Internal Server Error."));
        }
    }

    private static void sendAndClose(HttpExchange exchange, Reply reply) {
        try {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            // -1: a body-less answer such as 204 must not announce a length
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        } catch (IOException clientGone) {
            LOG.log(Level.FINE, "client went away", clientGone);
        } finally {
            exchange.close();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Runs the simulator until the process is stopped. Options: {@code --port N} (default 8090),
     * {@code --base-path P} (default {@value SimulatorSettings#DEVELOPER_PORTAL_BASE_PATH}), {@code --otp O}
     * (default {@value SimulatorSettings#SANDBOX_OTP}), {@code --mode simulation|developer-portal} (default
     * simulation), {@code --latency PT0.3S} (added to every answer), {@code --rules on|off} (ZATCA's XSD and
     * schematron, 11-18 ms of CPU per document; default on), {@code --ca-file F} (PEM with the CA certificate
     * and key, created if missing, with the compliance progress beside it; otherwise a fresh CA per start).
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        SimulatorSettings settings = SimulatorSettings.defaults()
                .withPort(Integer.parseInt(options.getOrDefault("--port", "8090")))
                .withMode(GatewayMode.valueOf(options.getOrDefault("--mode", "simulation")
                        .toUpperCase(Locale.ROOT).replace('-', '_')))
                .withLatency(Duration.parse(options.getOrDefault("--latency", "PT0S")));
        settings = settings.withBasePath(options.getOrDefault("--base-path", settings.basePath()));
        if (options.containsKey("--otp")) {
            settings = settings.withAcceptedOtp(options.get("--otp"));
        }
        if ("off".equals(options.get("--rules"))) {
            settings = settings.withVerifier(ProtocolCoreDocumentVerifier.withoutRules());
        }
        if (options.containsKey("--ca-file")) {
            settings = settings.persistedAt(Path.of(options.get("--ca-file")));
        }
        InetAddress listen = options.containsKey("--listen")
                ? InetAddress.getByName(options.get("--listen")) : InetAddress.getLoopbackAddress();
        FatooraSimulator simulator = start(settings, listen);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println("Fatoora simulator (" + settings.mode() + ", latency " + settings.latency()
                + ") listening at " + simulator.baseUri());
    }
}
