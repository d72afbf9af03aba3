package sa.qayd.zatca.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import sa.qayd.zatca.SignedInvoice;
import sa.qayd.zatca.ZatcaDocuments;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.rules.ZatcaRules;
import sa.qayd.zatca.rules.RuleFinding;
import sa.qayd.zatca.testing.TestSigners;
import sa.qayd.zatca.verify.InvoiceVerifier;
import sa.qayd.zatca.verify.VerificationContext;
import sa.qayd.zatca.verify.VerificationReport;

class InvoicePropertiesTest {

    @Provide
    Arbitrary<InvoiceToIssue> invoices() {
        return RandomInvoices.invoices();
    }

    @Property(tries = 40)
    void randomValidInvoicePassesSchemaSchematronAndVerification(@ForAll("invoices") InvoiceToIssue invoice) throws Exception {
        SignedInvoice signed = ZatcaDocuments.issue(invoice, TestSigners.generated());

        assertThat(InvoiceHash.of(signed.xml())).isEqualTo(signed.invoiceHash());
        assertThat(InvoiceVerifier.verify(signed.xml(), new VerificationContext(invoice.previousInvoiceHash(), invoice.icv(), null))
                .problems()).isEmpty();
        assertThat(ZatcaRules.get().validate(signed.xml()).findings()).filteredOn(RuleFinding::error).isEmpty();
    }

    /** Elements whose text a tamperer might change; the first occurrence is altered. */
    @Provide
    Arbitrary<String> tamperedElements() {
        return Arbitraries.of("cbc:PayableAmount", "cbc:TaxInclusiveAmount", "cbc:LineExtensionAmount", "cbc:PriceAmount",
                "cbc:InvoicedQuantity", "cbc:RegistrationName", "cbc:Name", "cbc:IssueDate", "cbc:IssueTime", "cbc:ID",
                "cbc:CompanyID", "cbc:StreetName", "cbc:Percent", "cbc:TaxAmount");
    }

    @Property(tries = 60)
    void anyChangedValueFailsVerification(@ForAll("invoices") InvoiceToIssue invoice, @ForAll("tamperedElements") String element) {
        String xml = new String(ZatcaDocuments.issue(invoice, TestSigners.generated()).xml(), StandardCharsets.UTF_8);

        String tampered = changeFirstAfterSignature(xml, element);

        assertThat(tampered).isNotEqualTo(xml);
        assertThat(InvoiceVerifier.verify(tampered.getBytes(StandardCharsets.UTF_8)).valid()).isFalse();
    }

    @Property(tries = 30)
    void wrongChainPositionFailsVerification(@ForAll("invoices") InvoiceToIssue invoice) {
        byte[] xml = ZatcaDocuments.issue(invoice, TestSigners.generated()).xml();

        VerificationReport otherIcv = InvoiceVerifier.verify(xml, new VerificationContext(invoice.previousInvoiceHash(), invoice.icv() + 1, null));
        VerificationReport otherPih = InvoiceVerifier.verify(xml, new VerificationContext(
                "Hss2gNFjBY5OJn/5CEVZSSNUMrSf4QlCMxwsioPN6fA=", invoice.icv(), null));

        assertThat(otherIcv.valid()).isFalse();
        assertThat(otherPih.valid()).isFalse();
    }

    @Property(tries = 30)
    void changedIcvOrPihInTheDocumentFailsVerification(@ForAll("invoices") InvoiceToIssue invoice) {
        String xml = new String(ZatcaDocuments.issue(invoice, TestSigners.generated()).xml(), StandardCharsets.UTF_8);
        String icv = "<cbc:ID>ICV</cbc:ID>\n        <cbc:UUID>" + invoice.icv() + "</cbc:UUID>";
        String pih = invoice.previousInvoiceHash();

        String otherIcv = xml.replace(icv, icv.replace(">" + invoice.icv() + "<", ">" + (invoice.icv() + 1) + "<"));
        String otherPih = xml.replace(pih, "Hss2gNFjBY5OJn/5CEVZSSNUMrSf4QlCMxwsioPN6fA=");

        assertThat(otherIcv).isNotEqualTo(xml);
        assertThat(otherPih).isNotEqualTo(xml);
        assertThat(InvoiceVerifier.verify(otherIcv.getBytes(StandardCharsets.UTF_8)).problems()).isNotEmpty();
        assertThat(InvoiceVerifier.verify(otherPih.getBytes(StandardCharsets.UTF_8)).problems()).isNotEmpty();
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
                : text + "x";
        return xml.substring(0, m.start(2)) + changed + xml.substring(m.end(2));
    }
}
