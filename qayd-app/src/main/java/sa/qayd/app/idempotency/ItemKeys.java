package sa.qayd.app.idempotency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import sa.qayd.api.Caller;
import sa.qayd.app.idempotency.IdempotencyRecords.Outcome;
import sa.qayd.app.idempotency.IdempotencyRecords.StoredResponse;

/**
 * Idempotency keys of the documents inside one batch request, each its own: the same records,
 * account scope and leases as the {@code Idempotency-Key} header, in a namespace of their own (an
 * item's key never meets a header's). All keys of a batch are claimed in one transaction and all
 * answers kept in another, so a batch of a hundred documents costs two commits here, not two hundred.
 */
@Component
public class ItemKeys {
    private static final String NAMESPACE = "batch-item:";

    private final IdempotencyRecords records;
    private final IdempotencyLeases leases;
    private final Duration lease;
    private final TransactionTemplate transactions;

    ItemKeys(IdempotencyRecords records, IdempotencyLeases leases, IdempotencySettings settings,
             TransactionTemplate transactions) {
        this.records = records;
        this.leases = leases;
        this.lease = settings.lease();
        this.transactions = transactions;
    }

    /** One item's key and the fingerprint of what it asks. */
    public record Item(String key, String fingerprint) {
    }

    /** What became of an item's key: run it now, replay its kept answer, or refuse it. */
    public enum State { FIRST, REPLAY, IN_PROGRESS, REUSED_WITH_OTHER_REQUEST }

    /** {@code answer} is the kept JSON answer of a replayed item. */
    public record Claim(State state, byte[] answer) {
    }

    /** Claims every item's key; the first runs hold a lease until {@link #keep} or {@link #release}. */
    public List<Claim> claim(Caller caller, List<Item> items) {
        String scope = IdempotencyFilter.scope(caller);
        List<Claim> claims = transactions.execute(status -> {
            List<Claim> claimed = new ArrayList<>(items.size());
            for (Item item : items) {
                Outcome outcome = records.begin(scope, NAMESPACE + item.key(), item.fingerprint(), lease);
                claimed.add(new Claim(State.valueOf(outcome.kind().name()),
                        outcome.stored() == null ? null : outcome.stored().body()));
            }
            return claimed;
        });
        for (int i = 0; i < items.size(); i++) {
            if (claims.get(i).state() == State.FIRST) {
                leases.hold(new IdempotencyLeases.Held(scope, NAMESPACE + items.get(i).key()));
            }
        }
        return claims;
    }

    /** An item's answer to keep, with its HTTP status; or null status to forget the key (a failure to retry). */
    public record Answer(String key, Integer status, byte[] json) {
    }

    /** Keeps the answers of the items claimed first (and forgets the keys of those that failed), in one transaction. */
    public void keep(Caller caller, List<Answer> answers) {
        String scope = IdempotencyFilter.scope(caller);
        try {
            transactions.executeWithoutResult(status -> answers.forEach(answer -> {
                if (answer.status() == null) {
                    records.forget(scope, NAMESPACE + answer.key());
                } else {
                    records.complete(scope, NAMESPACE + answer.key(),
                            new StoredResponse(answer.status(), "application/json", answer.json()));
                }
            }));
        } finally {
            answers.forEach(answer -> leases.release(new IdempotencyLeases.Held(scope, NAMESPACE + answer.key())));
        }
    }
}
