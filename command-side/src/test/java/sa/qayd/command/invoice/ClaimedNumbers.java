package sa.qayd.command.invoice;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import sa.qayd.api.Environment;

/** The claim rule of {@link InvoiceNumbers} in memory, for aggregate tests without a database (no replicas race here). */
public final class ClaimedNumbers implements InvoiceNumbers {
    private record Key(UUID accountId, Environment environment, String number) {
    }

    private final Map<Key, UUID> claims = new HashMap<>();

    @Override
    public void claim(UUID accountId, Environment environment, String number, UUID invoiceId, UUID egsUnitId, long icv) {
        UUID holder = claims.putIfAbsent(new Key(accountId, environment, number), invoiceId);
        if (holder != null) {
            throw InvoiceNumbers.taken(number, environment, holder);
        }
    }

    @Override
    public Optional<UUID> holder(UUID accountId, Environment environment, String number) {
        return Optional.ofNullable(claims.get(new Key(accountId, environment, number)));
    }
}
