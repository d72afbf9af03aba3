package sa.qayd.zatca.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import sa.qayd.zatca.fatoora.ValidationMessage;

/**
 * Per-unit chain of submitted documents, by ICV. ZATCA takes a unit's documents in any order (it
 * confirmed to Odoo that ICV 4 may be sent before ICV 3, e.g. when ICV 3 timed out: odoo/odoo pull
 * request 242798), so a document is checked against its predecessor only once that one has been seen:
 * its PIH must be the predecessor's hash. Every submitted document counts, accepted or not, because its
 * successor must point at it either way.
 */
final class UnitLedger {
    /** Hashes kept per unit; older ones are forgotten, and documents after them are checked no more. */
    private static final int REMEMBERED_PER_UNIT = 50_000;

    private final Map<String, Map<Long, String>> hashesByIcv = new ConcurrentHashMap<>();

    /**
     * Checks a document against its predecessor's hash and records it.
     *
     * @param icv the document's ICV, null if it has none
     * @param check receives the position the document must hold, null when its predecessor was not seen
     *     (the unit's first document here, or one that overtook its predecessor)
     */
    List<ValidationMessage> append(String unit, Long icv, String invoiceHash,
            Function<ChainPosition, List<ValidationMessage>> check) {
        Map<Long, String> chain = hashesByIcv.computeIfAbsent(unit, key -> Collections.synchronizedMap(
                new LinkedHashMap<>(16, 0.75f, false) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
                        return size() > REMEMBERED_PER_UNIT;
                    }
                }));
        String previousHash = icv == null ? null : chain.get(icv - 1);
        List<ValidationMessage> messages = check.apply(previousHash == null ? null : new ChainPosition(previousHash, icv));
        if (icv != null) {
            chain.put(icv, invoiceHash);
        }
        return messages;
    }
}
