package sa.qayd.zatca.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sa.qayd.zatca.qr.QrCode;
import sa.qayd.zatca.qr.QrFields;
import sa.qayd.zatca.testing.Invoices;
import sa.qayd.zatca.totals.InvoiceTotals;
import sa.qayd.zatca.totals.Totals;

class ModelRulesTest {

    @ParameterizedTest
    @EnumSource(value = DocumentKind.class, mode = EnumSource.Mode.MATCH_ANY, names = ".*_NOTE")
    void notesNeedBillingReferenceAndReason(DocumentKind kind) {
        assertThatIllegalArgumentException().isThrownBy(() -> Invoices.of(kind).billingReference(null).build())
                .withMessageContaining("billing reference");
        assertThatIllegalArgumentException().isThrownBy(() -> Invoices.of(kind).reason(" ").build())
                .withMessageContaining("reason");
    }

    @Test
    void simplifiedDocumentsCannotBeExportOrSelfBilled() {
        assertThatIllegalArgumentException().isThrownBy(() -> Invoices.of(DocumentKind.SIMPLIFIED_INVOICE)
                .flags(new TransactionFlags(false, false, true, false, false)).build()).withMessageContaining("BR-KSA-31");
        assertThat(new TransactionFlags(true, true, false, true, false).nameCode(DocumentKind.SIMPLIFIED_CREDIT_NOTE))
                .isEqualTo("0211010");
    }

    @Test
    void zeroRatedAndExemptSuppliesNeedAReasonAndRateZero() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TaxCategory(VatCategory.Z, BigDecimal.ZERO, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new TaxCategory(VatCategory.E, BigDecimal.ONE, "VATEX-SA-29", "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> TaxCategory.standard(new BigDecimal("10")));
    }

    @Test
    void categoryVatIsRoundedOnTheCategoryTotalNotSummedFromLines() {
        // three lines of 0.10: each line VAT rounds 0.015 up to 0.02, the category VAT of 0.30 is 0.05 (not 0.06)
        InvoiceToIssue.Builder builder = Invoices.of(DocumentKind.SIMPLIFIED_INVOICE);
        InvoiceToIssue base = builder.build();
        InvoiceToIssue invoice = InvoiceToIssue.builder().kind(base.kind()).invoiceNumber("X1").uuid(base.uuid())
                .issuedAt(base.issuedAt()).seller(base.seller()).icv(1).previousInvoiceHash(base.previousInvoiceHash())
                .line(InvoiceLine.of("a", BigDecimal.ONE, new BigDecimal("0.10"), TaxCategory.standard()))
                .line(InvoiceLine.of("b", BigDecimal.ONE, new BigDecimal("0.10"), TaxCategory.standard()))
                .line(InvoiceLine.of("c", BigDecimal.ONE, new BigDecimal("0.10"), TaxCategory.standard()))
                .build();

        InvoiceTotals totals = Totals.of(invoice);

        assertThat(totals.lines()).allSatisfy(line -> assertThat(line.vat()).isEqualByComparingTo("0.02"));
        assertThat(totals.taxTotal()).isEqualByComparingTo("0.05");
        assertThat(totals.taxInclusive()).isEqualByComparingTo("0.35");
    }

    @Test
    void qrRejectsValuesLongerThanOneTlvByte() {
        QrFields fields = new QrFields("x".repeat(256), "399999999900003", "2024-01-01T10:00:00", "1.15", "0.15", "h", "s",
                new byte[88], null);
        assertThatIllegalArgumentException().isThrownBy(() -> QrCode.encode(fields)).withMessageContaining("255");
    }

    @Test
    void qrRoundTrips() {
        QrFields fields = new QrFields("شركة", "399999999900003", "2024-01-01T10:00:00", "1.15", "0.15", "hash", "sig",
                new byte[] {1, 2}, new byte[] {3});
        var tags = QrCode.decode(QrCode.encode(fields));
        assertThat(tags).containsOnlyKeys(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(new String(tags.get(1), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("شركة");
        assertThat(tags.get(9)).containsExactly(3);
    }
}
