package sa.qayd.app.admin;

import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;

/** The dead letters of one sequence (one aggregate): the failed event first, then those held back behind it. */
record DeadLetterSequence(List<Letter> letters) {

    record Letter(String eventId, String eventType, String aggregateId, Long aggregateSequence, Instant enqueuedAt,
                  Instant lastTouched, String causeType, String causeMessage) {
    }

    static DeadLetterSequence of(Iterable<DeadLetter<? extends EventMessage<?>>> sequence) {
        return new DeadLetterSequence(StreamSupport.stream(sequence.spliterator(), false).map(letter -> {
            EventMessage<?> message = letter.message();
            DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
            return new Letter(message.getIdentifier(), message.getPayloadType().getName(),
                    domain == null ? null : domain.getAggregateIdentifier(), domain == null ? null : domain.getSequenceNumber(),
                    letter.enqueuedAt(), letter.lastTouched(), letter.cause().map(Cause::type).orElse(null),
                    letter.cause().map(Cause::message).orElse(null));
        }).toList());
    }
}
