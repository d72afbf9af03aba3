package sa.qayd.platform.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Group commit: callers that arrive while a round runs wait together, and the next round takes them
 * all (up to a limit), so that a durable commit, which costs a disk flush, is paid once per round and
 * not once per caller. Each caller still gets its own results, in the order of its items.
 * <p>
 * No thread of its own: the caller that finds no round running runs one, and a round's runner hands
 * the next round to the first caller still waiting, so every caller runs at most one round and no
 * caller waits behind more than the round before its own. A round takes the waiting callers in the
 * order they arrived and never splits one caller's items.
 *
 * @param <I> what a caller hands in
 * @param <O> what the round answers for each item, in the same order
 */
public final class GroupCommit<I, O> {
    private final Function<List<I>, List<O>> round;
    private final int maxItemsPerRound;
    private final ArrayDeque<Waiting<I, O>> waiting = new ArrayDeque<>();
    private boolean busy;

    /**
     * @param round runs one round: answers one result per item, in order, or throws when the whole
     *     round failed (every caller of the round then gets that failure)
     * @param maxItemsPerRound how many items a round takes at most, unless a single caller hands in more
     */
    public GroupCommit(Function<List<I>, List<O>> round, int maxItemsPerRound) {
        if (maxItemsPerRound < 1) {
            throw new IllegalArgumentException("a round takes at least one item");
        }
        this.round = round;
        this.maxItemsPerRound = maxItemsPerRound;
    }

    /** Runs {@code items} in this or a coming round; answers their results in the same order. */
    public List<O> submit(List<I> items) {
        Waiting<I, O> caller = new Waiting<>(List.copyOf(items));
        boolean leads;
        synchronized (this) {
            waiting.add(caller);
            leads = !busy;
            busy = true;
        }
        if (leads || caller.turn.join() == Turn.YOURS) {
            runRound();
        }
        try {
            return caller.results.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** The single-item form of {@link #submit(List)}. */
    public O submit(I item) {
        return submit(List.of(item)).get(0);
    }

    /** How many callers wait for a coming round (those of the round that runs are not counted). */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Runs what waits at the head of the queue (the runner's own items first), then hands on. */
    private void runRound() {
        List<Waiting<I, O>> callers = new ArrayList<>();
        List<I> items = new ArrayList<>();
        synchronized (this) {
            while (!waiting.isEmpty()
                    && (callers.isEmpty() || items.size() + waiting.peek().items.size() <= maxItemsPerRound)) {
                Waiting<I, O> next = waiting.poll();
                callers.add(next);
                items.addAll(next.items);
            }
        }
        try {
            List<O> results = round.apply(items);
            if (results.size() != items.size()) {
                throw new IllegalStateException("a round of " + items.size() + " items answered " + results.size() + " results");
            }
            int from = 0;
            for (Waiting<I, O> caller : callers) {
                caller.results.complete(Collections.unmodifiableList(new ArrayList<>(results.subList(from, from + caller.items.size()))));
                from += caller.items.size();
            }
        } catch (RuntimeException | Error failed) {
            callers.forEach(caller -> caller.results.completeExceptionally(failed));
            if (failed instanceof Error error) {
                // every caller of the round has it; it still goes up the runner's stack
                throw error;
            }
        } finally {
            callers.forEach(caller -> caller.turn.complete(Turn.DONE));
            synchronized (this) {
                Waiting<I, O> next = waiting.peek();
                if (next == null) {
                    busy = false;
                } else {
                    next.turn.complete(Turn.YOURS);
                }
            }
        }
    }

    /** What a waiting caller is woken for: its items ran in a round, or it runs the next round. */
    private enum Turn { DONE, YOURS }

    /** A caller's items, their results once run, and why it was woken. */
    private static final class Waiting<I, O> {
        final List<I> items;
        final CompletableFuture<List<O>> results = new CompletableFuture<>();
        final CompletableFuture<Turn> turn = new CompletableFuture<>();

        Waiting(List<I> items) {
            this.items = items;
        }
    }
}
