package sa.qayd.zatca.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import sa.qayd.zatca.fatoora.ValidationMessage;

/**
 * Per-unit chain of submitted documents. Like ZATCA, a broken chain (PIH not the previous document's hash, ICV
 * not the next counter) is only a warning. Every submitted document moves the chain on, accepted or not, because
 * the unit's next document must point at it either way.
 */
final class UnitLedger {
    private final Map<String, ChainHead> heads = new ConcurrentHashMap<>();

    private record ChainHead(long icv, String invoiceHash) {
    }

    /** Records the document as the unit's latest and returns the continuity warnings it earns. */
    List<ValidationMessage> append(String unit, SubmittedDocument document, String invoiceHash) {
        List<ValidationMessage> warnings = new ArrayList<>();
        heads.compute(unit, (key, previous) -> {
            // the first document the simulator sees may follow documents it never saw, so it is not judged
            if (previous != null) {
                if (!previous.invoiceHash().equals(document.previousInvoiceHash())) {
                    warnings.add(ValidationMessage.warning("invalid-previous-invoice-hash", "PIH",
                            "PIH is not the hash of the unit's previous document " + previous.invoiceHash()));
                }
                if (document.icv() == null || document.icv() != previous.icv() + 1) {
                    warnings.add(ValidationMessage.warning("invalid-invoice-counter", "ICV",
                            "ICV " + document.icv() + " does not follow the unit's previous ICV " + previous.icv()));
                }
            }
            long icv = document.icv() == null ? (previous == null ? 0 : previous.icv()) : document.icv();
            return new ChainHead(icv, invoiceHash);
        });
        return warnings;
    }
}
