package sa.qayd.platform.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
    private final ExecutorService callers = Executors.newCachedThreadPool();
    /** The items of every round, in the order the rounds ran. */
    private final List<List<String>> rounds = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstRoundMayEnd = new CountDownLatch(1);
    private final CountDownLatch firstRoundStarted = new CountDownLatch(1);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    /** A round that records its items and answers each upper-cased; the first round waits until released. */
    private List<String> upperCase(List<String> items) {
        rounds.add(List.copyOf(items));
        if (rounds.size() == 1) {
            firstRoundStarted.countDown();
            await(firstRoundMayEnd);
        }
        return items.stream().map(item -> item.toUpperCase(java.util.Locale.ROOT)).toList();
    }

    /** {@link #upperCase}, except that a round holding {@code poison} fails as {@code failure} does. */
    private Function<List<String>, List<String>> upperCaseFailingOn(String poison, Runnable failure) {
        return items -> {
            List<String> answered = upperCase(items);
            if (items.contains(poison)) {
                failure.run();
            }
            return answered;
        };
    }

    @Test
    void callersWhoArriveDuringARoundShareTheNextAndEachGetsItsOwnResults() throws Exception {
        GroupCommit<String, String> group = new GroupCommit<>(this::upperCase, 10);
        Future<List<String>> first = callers.submit(() -> group.submit(List.of("a")));
        await(firstRoundStarted);
        List<Future<List<String>>> waiting = new ArrayList<>();
        for (String item : List.of("b", "c", "d")) {
            waiting.add(callers.submit(() -> group.submit(List.of(item, item + item))));
        }
        awaitQueued(group, 3);
        firstRoundMayEnd.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly("A");
        List<List<String>> answers = new ArrayList<>();
        for (Future<List<String>> caller : waiting) {
            answers.add(caller.get(10, TimeUnit.SECONDS));
        }
        assertThat(answers).containsExactlyInAnyOrder(List.of("B", "BB"), List.of("C", "CC"), List.of("D", "DD"));
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(1)).hasSize(6);
    }

    @Test
    void aRoundStaysWithinItsLimitAndNeverSplitsACallersItems() throws Exception {
        GroupCommit<String, String> group = new GroupCommit<>(this::upperCase, 3);
        Future<List<String>> first = callers.submit(() -> group.submit(List.of("a")));
        await(firstRoundStarted);
        Future<List<String>> pair = callers.submit(() -> group.submit(List.of("b", "c")));
        awaitQueued(group, 1);
        Future<List<String>> secondPair = callers.submit(() -> group.submit(List.of("d", "e")));
        awaitQueued(group, 2);
        Future<List<String>> oversized = callers.submit(() -> group.submit(List.of("f", "g", "h", "i")));
        awaitQueued(group, 3);
        firstRoundMayEnd.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly("A");
        assertThat(pair.get(10, TimeUnit.SECONDS)).containsExactly("B", "C");
        assertThat(secondPair.get(10, TimeUnit.SECONDS)).containsExactly("D", "E");
        assertThat(oversized.get(10, TimeUnit.SECONDS)).containsExactly("F", "G", "H", "I");
        // arrival order kept; two pairs do not fit in a round of three; a caller above the limit gets a round of its own
        assertThat(rounds).containsExactly(List.of("a"), List.of("b", "c"), List.of("d", "e"), List.of("f", "g", "h", "i"));
    }

    @Test
    void aFailedRoundFailsItsOwnCallersOnlyAndTheNextRoundStillRuns() throws Exception {
        GroupCommit<String, String> group = new GroupCommit<>(
                upperCaseFailingOn("x", () -> { throw new IllegalStateException("the database went away"); }), 2);
        Future<List<String>> first = callers.submit(() -> group.submit(List.of("a")));
        await(firstRoundStarted);
        Future<List<String>> failing = callers.submit(() -> group.submit(List.of("x", "y")));
        awaitQueued(group, 1);
        Future<List<String>> after = callers.submit(() -> group.submit(List.of("z")));
        awaitQueued(group, 2);
        firstRoundMayEnd.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly("A");
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the database went away");
        assertThat(after.get(10, TimeUnit.SECONDS)).containsExactly("Z");
        assertThat(group.submit("w")).isEqualTo("W");
    }

    @Test
    void anErrorInARoundLeavesNoCallerOfItWaiting() throws Exception {
        GroupCommit<String, String> group = new GroupCommit<>(
                upperCaseFailingOn("x", () -> { throw new OutOfMemoryError("no room for the round"); }), 5);
        Future<List<String>> first = callers.submit(() -> group.submit(List.of("a")));
        await(firstRoundStarted);
        Future<List<String>> runner = callers.submit(() -> group.submit(List.of("x")));
        awaitQueued(group, 1);
        Future<List<String>> passenger = callers.submit(() -> group.submit(List.of("y")));
        awaitQueued(group, 2);
        firstRoundMayEnd.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly("A");
        assertThatThrownBy(() -> runner.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(OutOfMemoryError.class);
        assertThatThrownBy(() -> passenger.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(OutOfMemoryError.class);
        assertThat(group.submit("z")).isEqualTo("Z");
    }

    @Test
    void aRoundThatAnswersTheWrongNumberOfResultsIsAFailureNotAMixUp() {
        GroupCommit<String, String> group = new GroupCommit<>(items -> List.of(), 5);
        assertThatThrownBy(() -> group.submit(List.of("a", "b"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 items answered 0 results");
    }

    private static void awaitQueued(GroupCommit<?, ?> group, int callers) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (group.waiting() < callers) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("callers did not queue: " + group.waiting() + " of " + callers);
            }
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
