package sa.qayd.command.invoice;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.invoice.IssueInvoiceCommand;
import sa.qayd.api.invoice.IssueInvoicesCommand;
import sa.qayd.api.invoice.IssueOutcome;
import sa.qayd.command.web.Commands;

/**
 * Group commit for a busy EGS unit. A unit numbers its documents one after the other, and a durable
 * commit takes a disk flush: one command per document would bound a unit by the disk's flushes per
 * second. So requests for a unit that arrive while it is busy wait together, and the next round
 * issues them all in one {@link IssueInvoicesCommand}: one transaction, one commit, each caller still
 * answered on its own, with ICVs in the order the requests arrived (a caller's documents stay
 * together and in its order).
 * <p>
 * No thread of its own: the caller that finds the unit idle runs the round, and a round's runner
 * hands the next round to the first caller still waiting, so every caller runs at most one round and
 * no request waits behind more than the round before its own. Replicas each have their own queue;
 * between them the event store decides (a round that lost the race is retried on the new state).
 */
@Component
@EnableConfigurationProperties(IssuingSettings.class)
public class IssueCoalescer {
    private final Commands commands;
    private final IssuingSettings settings;
    private final Map<UUID, UnitQueue> units = new ConcurrentHashMap<>();

    IssueCoalescer(Commands commands, IssuingSettings settings) {
        this.commands = commands;
        this.settings = settings;
    }

    /**
     * Issues the documents, all for one unit, in this order; answers each one's outcome in the same
     * order. Refusals are outcomes; a failure of the whole round (the database, a race lost too often)
     * is thrown.
     */
    public List<IssueOutcome> issue(UUID egsUnitId, List<IssueInvoiceCommand> documents) {
        Waiting waiting = new Waiting(List.copyOf(documents));
        UnitQueue queue = units.computeIfAbsent(egsUnitId, UnitQueue::new);
        boolean leads;
        synchronized (queue) {
            queue.waiting.add(waiting);
            leads = !queue.busy;
            queue.busy = true;
        }
        if (leads || waiting.turn.join() == Turn.YOURS) {
            runRound(queue);
        }
        try {
            return waiting.outcomes.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** Issues what waits at the head of the queue (the runner's own documents first), then hands on. */
    private void runRound(UnitQueue queue) {
        List<Waiting> round = new ArrayList<>();
        List<IssueInvoiceCommand> documents = new ArrayList<>();
        synchronized (queue) {
            while (!queue.waiting.isEmpty() && (round.isEmpty()
                    || documents.size() + queue.waiting.peek().documents.size() <= settings.maxDocumentsPerCommit())) {
                Waiting next = queue.waiting.poll();
                round.add(next);
                documents.addAll(next.documents);
            }
        }
        try {
            List<IssueOutcome> outcomes = commands.send(new IssueInvoicesCommand(queue.egsUnitId, documents),
                    ErrorCode.EGS_UNIT_NOT_FOUND);
            int from = 0;
            for (Waiting waiting : round) {
                waiting.outcomes.complete(List.copyOf(outcomes.subList(from, from + waiting.documents.size())));
                from += waiting.documents.size();
            }
        } catch (RuntimeException failed) {
            round.forEach(waiting -> waiting.outcomes.completeExceptionally(failed));
        } finally {
            round.forEach(waiting -> waiting.turn.complete(Turn.DONE));
            synchronized (queue) {
                Waiting next = queue.waiting.peek();
                if (next == null) {
                    queue.busy = false;
                } else {
                    next.turn.complete(Turn.YOURS);
                }
            }
        }
    }

    /** What a waiting caller is woken for: its documents were issued in a round, or it runs the next round. */
    private enum Turn { DONE, YOURS }

    /** A caller's documents, its outcomes once issued, and why it was woken. */
    private static final class Waiting {
        final List<IssueInvoiceCommand> documents;
        final CompletableFuture<List<IssueOutcome>> outcomes = new CompletableFuture<>();
        final CompletableFuture<Turn> turn = new CompletableFuture<>();

        Waiting(List<IssueInvoiceCommand> documents) {
            this.documents = documents;
        }
    }

    /**
     * The callers waiting for one unit; {@code busy} while a round runs or is handed on. Kept for the
     * life of the process (a few dozen bytes per unit), so that two queues never exist for one unit.
     */
    private static final class UnitQueue {
        final UUID egsUnitId;
        final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
        boolean busy;

        UnitQueue(UUID egsUnitId) {
            this.egsUnitId = egsUnitId;
        }
    }
}
