package sa.qayd.zatca.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import sa.qayd.zatca.fatoora.ValidationMessage;

/**
 * Per-unit chain of submitted documents. Every submitted document moves the chain on, accepted or not, because
 * the unit's next document must point at it either way.
 */
final class UnitLedger {
    private final Map<String, ChainPosition> nextPositions = new ConcurrentHashMap<>();

    /**
     * Checks a document against the position its unit's chain expects and makes it the unit's latest.
     *
     * @param icv the document's ICV, null if it has none
     * @param check receives the expected position, null for the first document seen of the unit, which may
     *     follow documents the simulator never saw
     */
    List<ValidationMessage> append(String unit, Long icv, String invoiceHash,
            Function<ChainPosition, List<ValidationMessage>> check) {
        AtomicReference<List<ValidationMessage>> messages = new AtomicReference<>();
        // compute() serialises submissions of one unit, as the chain is a sequence
        nextPositions.compute(unit, (key, expected) -> {
            messages.set(check.apply(expected));
            long counter = icv != null ? icv : expected != null ? expected.icv() : 0;
            return new ChainPosition(invoiceHash, counter + 1);
        });
        return messages.get();
    }
}
