package sa.qayd.query.document;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.VeraPDFFoundry;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the PDF Association's reference validator, checking a document against PDF/A-3B. */
final class VeraPdf {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdf() {
    }

    /** The flavour the document claims in its XMP metadata. */
    static PDFAFlavour claimedFlavour(byte[] pdf) throws Exception {
        try (VeraPDFFoundry foundry = Foundries.defaultInstance();
             PDFAParser parser = foundry.createParser(new ByteArrayInputStream(pdf))) {
            return parser.getFlavour();
        }
    }

    /** Every failed PDF/A-3B rule as "clause-test: description (where)"; empty for a conforming document. */
    static List<String> failedRules(byte[] pdf) throws Exception {
        try (VeraPDFFoundry foundry = Foundries.defaultInstance();
             PDFAParser parser = foundry.createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B)) {
            ValidationResult result = foundry.createValidator(PDFAFlavour.PDFA_3_B, false).validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                    .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + ": "
                            + assertion.getMessage() + " (" + assertion.getLocation().getContext() + ")")
                    .distinct()
                    .toList();
            if (failures.isEmpty() && !result.isCompliant()) {
                return List.of("not compliant, no failed assertion listed: " + result.getJobEndStatus());
            }
            return failures;
        }
    }
}
