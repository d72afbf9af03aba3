package sa.qayd.zatca.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sa.qayd.zatca.SignedInvoice;
import sa.qayd.zatca.ZatcaDocuments;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.rules.RuleFinding;
import sa.qayd.zatca.rules.ZatcaRules;
import sa.qayd.zatca.testing.Seeds;
import sa.qayd.zatca.testing.TestSigners;
import sa.qayd.zatca.verify.InvoiceVerifier;
import sa.qayd.zatca.verify.VerificationContext;
import sa.qayd.zatca.verify.VerificationReport;

/** Random valid documents of every kind: they conform, verify, and break when anything in them changes. */
class InvoicePropertiesTest {
    private static final String SEED = "{0} seed {1}";

    /** Each kind with fresh seeds, so that every kind is drawn however the seeds fall. */
    static Stream<Arguments> kindsAndSeeds(int perKind) {
        return Arrays.stream(DocumentKind.values())
                .flatMap(kind -> Seeds.fresh(perKind).mapToObj(seed -> Arguments.of(kind, seed)));
    }

    static Stream<Arguments> conformance() {
        return kindsAndSeeds(6);
    }

    static Stream<Arguments> tampering() {
        return kindsAndSeeds(8);
    }

    static Stream<Arguments> chain() {
        return kindsAndSeeds(4);
    }

    @ParameterizedTest(name = SEED)
    @MethodSource("conformance")
    void aRandomValidDocumentPassesSchemaSchematronAndVerification(DocumentKind kind, long seed) {
        Seeds.check(seed, random -> {
            InvoiceToIssue invoice = RandomInvoices.of(kind, random);
            SignedInvoice signed = ZatcaDocuments.issue(invoice, TestSigners.generated());

            assertThat(InvoiceHash.of(signed.xml())).isEqualTo(signed.invoiceHash());
            assertThat(InvoiceVerifier.verify(signed.xml(),
                    new VerificationContext(invoice.previousInvoiceHash(), invoice.icv(), null)).problems()).isEmpty();
            assertThat(ZatcaRules.get().validate(signed.xml()).findings()).filteredOn(RuleFinding::error).isEmpty();
        });
    }

    /** Elements whose text a tamperer might change; the first occurrence after the signature is altered. */
    private static final String[] TAMPERED = {"cbc:PayableAmount", "cbc:TaxInclusiveAmount", "cbc:LineExtensionAmount",
            "cbc:PriceAmount", "cbc:InvoicedQuantity", "cbc:RegistrationName", "cbc:Name", "cbc:IssueDate", "cbc:IssueTime",
            "cbc:ID", "cbc:CompanyID", "cbc:StreetName", "cbc:Percent", "cbc:TaxAmount", "cbc:DocumentCurrencyCode",
            "cbc:PrepaidAmount"};

    @ParameterizedTest(name = SEED)
    @MethodSource("tampering")
    void anyChangedValueFailsVerification(DocumentKind kind, long seed) {
        Seeds.check(seed, random -> {
            String xml = signedText(RandomInvoices.of(kind, random));

            String tampered = changeFirstAfterSignature(xml, TAMPERED[random.nextInt(TAMPERED.length)]);

            assertThat(tampered).isNotEqualTo(xml);
            assertThat(InvoiceVerifier.verify(tampered.getBytes(StandardCharsets.UTF_8)).valid()).isFalse();
        });
    }

    @ParameterizedTest(name = SEED)
    @MethodSource("chain")
    void aWrongChainPositionFailsVerification(DocumentKind kind, long seed) {
        Seeds.check(seed, random -> {
            InvoiceToIssue invoice = RandomInvoices.of(kind, random);
            byte[] xml = ZatcaDocuments.issue(invoice, TestSigners.generated()).xml();

            VerificationReport otherIcv = InvoiceVerifier.verify(xml,
                    new VerificationContext(invoice.previousInvoiceHash(), invoice.icv() + 1, null));
            VerificationReport otherPih = InvoiceVerifier.verify(xml, new VerificationContext(
                    "Hss2gNFjBY5OJn/5CEVZSSNUMrSf4QlCMxwsioPN6fA=", invoice.icv(), null));

            assertThat(otherIcv.valid()).isFalse();
            assertThat(otherPih.valid()).isFalse();
        });
    }

    @ParameterizedTest(name = SEED)
    @MethodSource("chain")
    void aChangedIcvOrPihInTheDocumentFailsVerification(DocumentKind kind, long seed) {
        Seeds.check(seed, random -> {
            InvoiceToIssue invoice = RandomInvoices.of(kind, random);
            String xml = signedText(invoice);
            String icv = "<cbc:ID>ICV</cbc:ID>\n        <cbc:UUID>" + invoice.icv() + "</cbc:UUID>";
            String pih = invoice.previousInvoiceHash();

            String otherIcv = xml.replace(icv, icv.replace(">" + invoice.icv() + "<", ">" + (invoice.icv() + 1) + "<"));
            String otherPih = xml.replace(pih, "Hss2gNFjBY5OJn/5CEVZSSNUMrSf4QlCMxwsioPN6fA=");

            assertThat(otherIcv).isNotEqualTo(xml);
            assertThat(otherPih).isNotEqualTo(xml);
            assertThat(InvoiceVerifier.verify(otherIcv.getBytes(StandardCharsets.UTF_8)).problems()).isNotEmpty();
            assertThat(InvoiceVerifier.verify(otherPih.getBytes(StandardCharsets.UTF_8)).problems()).isNotEmpty();
        });
    }

    private static String signedText(InvoiceToIssue invoice) {
        return new String(ZatcaDocuments.issue(invoice, TestSigners.generated()).xml(), StandardCharsets.UTF_8);
    }

    /** Changes the text of the first {@code element} after the signature block (the invoice content). */
    private static String changeFirstAfterSignature(String xml, String element) {
        int start = xml.indexOf("</ext:UBLExtensions>");
        Matcher m = Pattern.compile("<" + element + "( [^>]*)?>([^<]*)</" + element + ">").matcher(xml);
        if (!m.find(start)) {
            return xml;
        }
        String text = m.group(2);
        String changed = text.matches("\\d+") ? String.valueOf(Long.parseLong(text) + 1)
                : text.matches("\\d{4}-\\d{2}-\\d{2}") ? text.substring(0, 8) + (text.endsWith("1") ? "02" : "01")
                : text.matches("[\\d.:]+") ? text.replaceFirst("\\d$", text.endsWith("1") ? "2" : "1")
                : text.matches("[A-Z]{3}") ? (text.equals("SAR") ? "USD" : "SAR")
                : text + "x";
        return xml.substring(0, m.start(2)) + changed + xml.substring(m.end(2));
    }
}
