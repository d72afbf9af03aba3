package sa.qayd.platform.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.Map;

/**
 * How a request's trace reaches work done for it later, elsewhere: its commands and their events carry the
 * W3C trace context in their metadata, and whoever works on them afterwards (another thread, another
 * replica, minutes later) continues that trace from there.
 */
public final class TraceParent {
    /** Metadata key of commands and events: the W3C {@code traceparent} of the span that caused them. */
    public static final String METADATA_KEY = "traceparent";

    private TraceParent() {
    }

    /**
     * An observation of work done for a message that carried {@code traceparent} (may be null): its span is a
     * child of the span that sent the message, so the work shows up in the request's trace and its log lines
     * carry the request's trace id.
     */
    public static Observation continuing(String name, String traceparent, ObservationRegistry registry) {
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>((carrier, key) -> carrier.get(key),
                Kind.CONSUMER);
        context.setCarrier(traceparent == null ? Map.of() : Map.of(METADATA_KEY, traceparent));
        return Observation.createNotStarted(name, () -> context, registry);
    }
}
