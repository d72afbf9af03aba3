package sa.qayd.zatca.rules;

import java.util.List;

/** Every finding of one validation, in the order ZATCA's SDK reports them: XSD, then EN 16931, then KSA. */
public record RulesReport(List<RuleFinding> findings) {

    public RulesReport {
        findings = List.copyOf(findings);
    }

    public List<RuleFinding> errors() {
        return findings.stream().filter(RuleFinding::error).toList();
    }

    public List<RuleFinding> warnings() {
        return findings.stream().filter(finding -> !finding.error()).toList();
    }

    /** No error; warnings may remain (ZATCA accepts such a document with HTTP 202). */
    public boolean passed() {
        return findings.stream().noneMatch(RuleFinding::error);
    }
}
