package sa.qayd.command.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.api.ZatcaUnavailableException;

/**
 * Sends commands and waits, turning the domain's refusals into {@link QaydException}s: a missing
 * aggregate becomes the caller's "not found" code, a lost optimistic-lock race a conflict.
 */
@Component
public class Commands {
    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, ErrorCode whenAggregateMissing) {
        try {
            return gateway.sendAndWait(command);
        } catch (RuntimeException e) {
            throw translate(e, whenAggregateMissing);
        }
    }

    private static RuntimeException translate(Throwable failure, ErrorCode whenAggregateMissing) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof QaydException domainRefusal) {
                return domainRefusal;
            }
            // an id of another aggregate type replays into an empty aggregate: not ours to find either
            if (t instanceof AggregateNotFoundException || t instanceof IncompatibleAggregateException) {
                return new QaydException(whenAggregateMissing, whenAggregateMissing.title());
            }
            if (t instanceof ZatcaUnavailableException unavailable) {
                return new QaydException(ErrorCode.ZATCA_UNAVAILABLE, "ZATCA cannot be reached right now ("
                        + unavailable.getMessage() + "); nothing changed, try again later");
            }
            if (t instanceof ConcurrencyException) {
                return new QaydException(ErrorCode.CONCURRENT_MODIFICATION,
                        "another request changed the same resource at the same time; retry");
            }
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }
}
