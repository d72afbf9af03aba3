package sa.qayd.zatca.verify;

import java.util.List;

/**
 * @param invoiceHash the hash recomputed from the document, null if it could not be parsed
 * @param problems    every problem found; empty when the document verifies
 */
public record VerificationReport(String invoiceHash, List<Problem> problems) {

    public VerificationReport {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public boolean has(ProblemCode code) {
        return problems.stream().anyMatch(p -> p.code() == code);
    }
}
