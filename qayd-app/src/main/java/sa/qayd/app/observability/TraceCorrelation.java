package sa.qayd.app.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import sa.qayd.platform.tracing.TraceParent;

/**
 * Carries a request's trace into the messages it causes, under {@link TraceParent#METADATA_KEY}: a command sent
 * inside a span gets the span's W3C {@code traceparent} (on the sender's thread, so a retry on another thread
 * keeps it), and everything its handler publishes (the events, further commands) gets the command's. Whoever
 * works on an event later, the ZATCA worker for one, continues the trace from there. Written as W3C whatever
 * the configured propagation, which accepts W3C on the way in by default.
 */
final class TraceCorrelation implements CorrelationDataProvider, MessageDispatchInterceptor<CommandMessage<?>> {
    private final Tracer tracer;

    TraceCorrelation(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (command.getMetaData().containsKey(TraceParent.METADATA_KEY)) {
                return command;
            }
            String current = currentTraceParent();
            return current == null ? command : command.andMetaData(Map.of(TraceParent.METADATA_KEY, current));
        };
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Object carried = message.getMetaData().get(TraceParent.METADATA_KEY);
        if (carried != null) {
            return Map.of(TraceParent.METADATA_KEY, carried);
        }
        String current = currentTraceParent();
        return current == null ? Map.of() : Map.of(TraceParent.METADATA_KEY, current);
    }

    private String currentTraceParent() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext context = span.context();
        return "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }
}
