package sa.qayd.zatca.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sa.qayd.api.invoice.VatCategory;
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
    void transactionFlagsFollowZatcasRulesBetweenThem() {
        LocalDate today = Invoices.recently().toLocalDate();
        assertThatIllegalArgumentException().isThrownBy(() -> new TransactionFlags(false, false, true, false, true))
                .withMessageContaining("BR-KSA-07");
        assertThatIllegalArgumentException().isThrownBy(() -> Invoices.of(DocumentKind.SIMPLIFIED_PREPAYMENT_INVOICE)
                .flags(new TransactionFlags(false, false, false, false, true)).build()).withMessageContaining("BR-KSA-31");
        TransactionFlags summary = new TransactionFlags(false, false, false, true, false);
        assertThatIllegalArgumentException().isThrownBy(() -> Invoices.of(DocumentKind.STANDARD_INVOICE).flags(summary).build())
                .withMessageContaining("BR-KSA-72");
        assertThatIllegalArgumentException().isThrownBy(() -> Invoices.of(DocumentKind.SIMPLIFIED_INVOICE).flags(summary)
                .supplyDate(today.minusDays(3)).supplyEndDate(today).build()).withMessageContaining("BR-KSA-71");
        assertThat(Invoices.of(DocumentKind.STANDARD_INVOICE).flags(summary).supplyDate(today.minusDays(3)).supplyEndDate(today)
                .build().flags().nameCode(DocumentKind.STANDARD_INVOICE)).isEqualTo("0100010");
    }

    @Test
    void supplyPeriodsFollowBrKsa35And36() {
        LocalDate today = Invoices.recently().toLocalDate();
        assertThatIllegalArgumentException().isThrownBy(() -> Invoices.of(DocumentKind.SIMPLIFIED_INVOICE)
                .supplyEndDate(today).build()).withMessageContaining("BR-KSA-35");
        assertThatIllegalArgumentException().isThrownBy(() -> Invoices.of(DocumentKind.SIMPLIFIED_INVOICE)
                .supplyDate(today).supplyEndDate(today.minusDays(1)).build()).withMessageContaining("BR-KSA-36");
        assertThatIllegalArgumentException().isThrownBy(() -> new Period(today, today.minusDays(1)))
                .withMessageContaining("BR-29");
    }

    @Test
    void anotherCurrencyNeedsItsExchangeRateAndSarHasNone() {
        assertThatIllegalArgumentException().isThrownBy(() -> Invoices.of(DocumentKind.SIMPLIFIED_INVOICE)
                .currency("USD", null).build()).withMessageContaining("exchange rate");
        assertThatIllegalArgumentException().isThrownBy(() -> Invoices.of(DocumentKind.SIMPLIFIED_INVOICE)
                .currency("USD", new BigDecimal("3.750000000000001")).build()).withMessageContaining("BR-KSA-90");
        assertThatIllegalArgumentException().isThrownBy(() -> Invoices.of(DocumentKind.SIMPLIFIED_INVOICE)
                .currency("SAR", BigDecimal.ONE).build());
        assertThatIllegalArgumentException().isThrownBy(() -> Invoices.of(DocumentKind.SIMPLIFIED_INVOICE)
                .currency("MRU", BigDecimal.ONE).build()).withMessageContaining("BR-KSA-CL-01");
        InvoiceTotals totals = Totals.of(Invoices.of(DocumentKind.SIMPLIFIED_INVOICE).currency("USD", new BigDecimal("3.75")).build());
        assertThat(totals.taxTotal()).isEqualByComparingTo("30.15");
        assertThat(totals.taxTotalSar()).isEqualByComparingTo("113.06");
    }

    @Test
    void prepaymentsAreDeductedFromTheAmountDueButNotFromTheVatBreakdown() {
        LocalDate today = Invoices.recently().toLocalDate();
        PrepaymentDeduction advance = new PrepaymentDeduction("46531", null, today.minusDays(20), LocalTime.NOON, "Advance",
                TaxCategory.standard(new BigDecimal("5")), new BigDecimal("100.00"));

        InvoiceTotals totals = Totals.of(Invoices.of(DocumentKind.STANDARD_INVOICE).prepayment(advance).build());

        assertThat(totals.taxTotal()).isEqualByComparingTo("30.15");
        assertThat(totals.prepaid()).isEqualByComparingTo("105.00");
        assertThat(totals.payable()).isEqualByComparingTo("126.15");
        assertThatIllegalArgumentException().isThrownBy(() -> Invoices.of(DocumentKind.STANDARD_CREDIT_NOTE).prepayment(advance).build())
                .withMessageContaining("only an invoice");
        PrepaymentDeduction tooMuch = new PrepaymentDeduction("46532", null, today.minusDays(20), LocalTime.NOON, "Advance",
                TaxCategory.standard(), new BigDecimal("300.00"));
        assertThatIllegalArgumentException().isThrownBy(() -> Totals.of(Invoices.of(DocumentKind.STANDARD_INVOICE)
                .prepayment(tooMuch).build()).requireIssuable()).withMessageContaining("BR-KSA-F-04");
        assertThatIllegalArgumentException().isThrownBy(() -> Totals.of(Invoices.of(DocumentKind.STANDARD_INVOICE)
                .allowanceCharge(AllowanceCharge.allowance(new BigDecimal("201.01"), "too much", TaxCategory.standard()))
                .build()).requireIssuable()).withMessageContaining("category S");
    }

    @Test
    void codesComeFromZatcasLists() {
        assertThat(Invoices.of(DocumentKind.SIMPLIFIED_INVOICE).paymentMeansCode("ZZZ").build().paymentMeansCode()).isEqualTo("ZZZ");
        assertThatIllegalArgumentException().isThrownBy(() -> Invoices.of(DocumentKind.SIMPLIFIED_INVOICE)
                .paymentMeansCode("100").build()).withMessageContaining("payment means");
        assertThatIllegalArgumentException().isThrownBy(() -> new AllowanceCharge(false, BigDecimal.ONE, "x", "FC", TaxCategory.standard()))
                .withMessageContaining("5189");
        assertThatIllegalArgumentException().isThrownBy(() -> new AllowanceCharge(true, BigDecimal.ONE, "x", "95", TaxCategory.standard()))
                .withMessageContaining("7161");
        assertThatIllegalArgumentException().isThrownBy(() -> Invoices.of(DocumentKind.SIMPLIFIED_INVOICE)
                .payableRoundingAmount(new BigDecimal("-1.00")).build()).withMessageContaining("less than 1");
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
