package sa.qayd.app.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;
import sa.qayd.api.invoice.InvoiceClearedEvent;
import sa.qayd.api.invoice.InvoiceFailedEvent;
import sa.qayd.api.invoice.InvoiceIssuedEvent;
import sa.qayd.api.invoice.InvoiceRejectedEvent;
import sa.qayd.api.invoice.InvoiceReportedEvent;
import sa.qayd.api.invoice.InvoiceReportingOverdueEvent;

/**
 * Counts documents as this replica's commands publish them, once their transaction has committed:
 * {@code qayd.documents.issued} by kind (standard, simplified), type (invoice, credit or debit note) and
 * environment, and {@code qayd.documents.settled} by ZATCA's final word (cleared, reported, rejected,
 * failed) and {@code qayd.documents.reporting.overdue}. Summed over replicas, each document counts once.
 */
@Component
class DocumentMetrics {
    private final MeterRegistry meters;

    DocumentMetrics(EventBus events, MeterRegistry meters) {
        this.meters = meters;
        events.subscribe(this::published);
    }

    private void published(List<? extends EventMessage<?>> events) {
        List<Counter> counts = new ArrayList<>();
        for (EventMessage<?> event : events) {
            Object payload = event.getPayload();
            if (payload instanceof InvoiceIssuedEvent issued) {
                counts.add(Counter.builder("qayd.documents.issued")
                        .description("Documents numbered, chained and signed")
                        .tag("kind", issued.kind().name().toLowerCase(Locale.ROOT))
                        .tag("type", issued.documentType().wireName())
                        .tag("environment", issued.environment().wireName())
                        .register(meters));
            } else if (payload instanceof InvoiceReportingOverdueEvent) {
                counts.add(meters.counter("qayd.documents.reporting.overdue"));
            } else {
                String outcome = settlement(payload);
                if (outcome != null) {
                    counts.add(Counter.builder("qayd.documents.settled")
                            .description("Documents ZATCA gave its final word on")
                            .tag("outcome", outcome).register(meters));
                }
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> counts.forEach(Counter::increment));
        } else {
            counts.forEach(Counter::increment);
        }
    }

    private static String settlement(Object payload) {
        if (payload instanceof InvoiceClearedEvent) {
            return "cleared";
        }
        if (payload instanceof InvoiceReportedEvent) {
            return "reported";
        }
        if (payload instanceof InvoiceRejectedEvent) {
            return "rejected";
        }
        if (payload instanceof InvoiceFailedEvent) {
            return "failed";
        }
        return null;
    }
}
