package sa.qayd.app.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Service;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.query.processing.ProcessorTokens;

/**
 * The operators' view of Axon's event processors: positions from the token store (all replicas),
 * running state from this replica's processor, dead letters from each group's queue.
 */
@Service
class EventProcessors {
    private final EventProcessingConfiguration processing;
    private final ProcessorTokens tokens;

    EventProcessors(EventProcessingConfiguration processing, ProcessorTokens tokens) {
        this.processing = processing;
        this.tokens = tokens;
    }

    List<ProcessorView> all() {
        long head = tokens.head();
        return processing.eventProcessors().values().stream().sorted(Comparator.comparing(EventProcessor::getName))
                .map(processor -> view(processor, head)).toList();
    }

    ProcessorView one(String name) {
        return view(processor(name), tokens.head());
    }

    /**
     * Stops this replica's threads for the processor, resets its tokens to the start of the event
     * store (the @ResetHandlers clear the projection) and starts again: the processor then replays the
     * whole history while new events keep arriving behind it. Other replicas must have released the
     * processor's segments, otherwise Axon refuses the reset and nothing changes.
     */
    ProcessorView reset(String name) {
        if (!(processor(name) instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()) {
            throw new QaydException(ErrorCode.EVENT_PROCESSOR_RESET_REFUSED,
                    name + " cannot replay: it is subscribing, or one of its handlers (a saga) does not support reset");
        }
        streaming.shutDown();
        try {
            streaming.resetTokens();
        } catch (RuntimeException claimedElsewhere) {
            throw new QaydException(ErrorCode.EVENT_PROCESSOR_RESET_REFUSED, "Axon refused to reset " + name + ": "
                    + claimedElsewhere.getMessage() + ". Stop the processor on the other replicas first.");
        } finally {
            streaming.start();
        }
        return one(name);
    }

    List<DeadLetterSequence> deadLetters(String name) {
        return StreamSupport.stream(deadLetterQueue(name).deadLetters().spliterator(), false)
                .map(DeadLetterSequence::of).toList();
    }

    /** Tries every dead-lettered sequence once, oldest first; a sequence that fails again stays queued. */
    DeadLetterRetry retryDeadLetters(String name) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = deadLetterQueue(name);
        SequencedDeadLetterProcessor<EventMessage<?>> retrier = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> noDeadLetterQueue(name));
        long sequences = queue.amountOfSequences();
        int succeeded = 0;
        for (long attempt = 0; attempt < sequences; attempt++) {
            if (retrier.processAny()) {
                succeeded++;
            }
        }
        return new DeadLetterRetry(sequences, succeeded, queue.amountOfSequences());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> deadLetterQueue(String name) {
        processor(name);
        return processing.deadLetterQueue(name).orElseThrow(() -> noDeadLetterQueue(name));
    }

    private EventProcessor processor(String name) {
        EventProcessor processor = processing.eventProcessors().get(name);
        if (processor == null) {
            throw new QaydException(ErrorCode.EVENT_PROCESSOR_NOT_FOUND, "no event processor " + name
                    + "; GET /admin/processors lists them");
        }
        return processor;
    }

    private static QaydException noDeadLetterQueue(String name) {
        return new QaydException(ErrorCode.EVENT_PROCESSOR_NOT_FOUND, name + " has no dead-letter queue"
                + " (enable axon.eventhandling.processors." + name + ".dlq.enabled)");
    }

    private ProcessorView view(EventProcessor processor, long head) {
        String name = processor.getName();
        Long deadLetters = processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::size).orElse(null);
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return new ProcessorView(name, processor instanceof SubscribingEventProcessor ? "subscribing" : "other",
                    processor.isRunning(), processor.isError(), false, head, null, null, null, List.of(), deadLetters);
        }
        Map<Integer, EventTrackerStatus> local = streaming.processingStatus();
        List<ProcessorTokens.SegmentToken> stored = tokens.of(name);
        List<ProcessorView.SegmentView> segments = stored.stream().map(segment -> {
            EventTrackerStatus status = local.get(segment.segment());
            return new ProcessorView.SegmentView(segment.segment(), segment.owner(), boxed(segment.position()),
                    segment.replaying(), status != null,
                    status == null ? null : status.isCaughtUp(),
                    status == null || status.getError() == null ? null : status.getError().toString());
        }).toList();
        Long position = segments.stream().map(ProcessorView.SegmentView::position)
                .map(p -> p == null ? -1L : p).min(Long::compare).orElse(null);
        boolean replaying = segments.stream().anyMatch(ProcessorView.SegmentView::replaying);
        return new ProcessorView(name, streaming instanceof PooledStreamingEventProcessor ? "pooled" : "tracking",
                processor.isRunning(), processor.isError(), replaying, head, position,
                position == null ? null : Math.max(0, head - position),
                replaying ? stored.stream().mapToDouble(ProcessorTokens.SegmentToken::replayProgress).min().orElse(1.0) : null,
                segments, deadLetters);
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
