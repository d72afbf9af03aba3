package sa.qayd.zatca.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import sa.qayd.zatca.SignedInvoice;
import sa.qayd.zatca.ZatcaDocuments;
import sa.qayd.zatca.hash.InvoiceHash;
import sa.qayd.zatca.model.AllowanceCharge;
import sa.qayd.zatca.model.BuyerParty;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.model.Exemption;
import sa.qayd.zatca.model.InvoiceLine;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.model.PartyId;
import sa.qayd.zatca.model.Period;
import sa.qayd.zatca.model.PrepaymentDeduction;
import sa.qayd.zatca.model.TaxCategory;
import sa.qayd.zatca.model.TransactionFlags;
import sa.qayd.zatca.rules.ZatcaRules;
import sa.qayd.zatca.rules.RuleFinding;
import sa.qayd.zatca.testing.Invoices;
import sa.qayd.zatca.testing.TestSigners;
import sa.qayd.zatca.verify.InvoiceVerifier;
import sa.qayd.zatca.verify.VerificationContext;

/** Every generated document passes ZATCA's XSD and both schematrons (no error) and our verifier. */
class GeneratedDocumentsConformanceTest {

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void plainDocumentOfEveryKindConforms(DocumentKind kind) {
        assertConforms(Invoices.of(kind).build());
    }

    static Stream<Arguments> scenarios() {
        List<Arguments> scenarios = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            for (Exemption exemption : Exemption.values()) {
                scenarios.add(Arguments.of(kind + " " + exemption, withLine(kind, exemption)));
            }
            scenarios.add(Arguments.of(kind + " out of scope", Invoices.of(kind)
                    .line(InvoiceLine.of("Government fee", BigDecimal.ONE, new BigDecimal("50.00"),
                            TaxCategory.outOfScope("Not subject to VAT"))).build()));
            scenarios.add(Arguments.of(kind + " 5 % rate", Invoices.of(kind)
                    .line(InvoiceLine.of("Real estate", BigDecimal.ONE, new BigDecimal("1000.00"),
                            TaxCategory.standard(new BigDecimal("5")))).build()));
            scenarios.add(Arguments.of(kind + " allowances and charges", Invoices.of(kind)
                    .line(InvoiceLine.of("Discounted item", new BigDecimal("2.5"), new BigDecimal("19.99"), TaxCategory.standard())
                            .withAllowance(new BigDecimal("4.97"), "discount"))
                    .allowanceCharge(AllowanceCharge.allowance(new BigDecimal("10.00"), "discount", TaxCategory.standard()))
                    .allowanceCharge(new AllowanceCharge(true, new BigDecimal("7.50"), "Freight", "FC", TaxCategory.standard()))
                    .build()));
            scenarios.add(Arguments.of(kind + " many lines", manyLines(kind)));
            scenarios.add(Arguments.of(kind + " large and tiny amounts", Invoices.of(kind)
                    .line(InvoiceLine.of("Aircraft", new BigDecimal("3"), new BigDecimal("99999999.99"), TaxCategory.standard()))
                    .line(InvoiceLine.of("Screw", new BigDecimal("0.001"), new BigDecimal("0.01"), TaxCategory.standard()))
                    .line(InvoiceLine.of("Washer", new BigDecimal("0.333333"), new BigDecimal("0.03"), TaxCategory.standard()))
                    .build()));
            scenarios.add(Arguments.of(kind + " special characters", Invoices.of(kind)
                    .line(InvoiceLine.of("حليب طازج <1L> & \"عصير\" 'x' ]]>", BigDecimal.ONE, new BigDecimal("4.75"),
                            TaxCategory.standard())).build()));
        }
        LocalDate today = Invoices.recently().toLocalDate();
        scenarios.add(Arguments.of("summary simplified", Invoices.of(DocumentKind.SIMPLIFIED_INVOICE)
                .flags(new TransactionFlags(false, false, false, true, false))
                .supplyDate(today.minusDays(7)).supplyEndDate(today)
                .buyer(new BuyerParty("عميل نقدي", null, null, null)).build()));
        scenarios.add(Arguments.of("nominal simplified", Invoices.of(DocumentKind.SIMPLIFIED_INVOICE)
                .flags(new TransactionFlags(false, true, false, false, false)).build()));
        scenarios.add(Arguments.of("standard export", Invoices.of(DocumentKind.STANDARD_INVOICE)
                .flags(new TransactionFlags(false, false, true, false, false))
                .buyer(new BuyerParty("Foreign Buyer GmbH", null, new PartyId("OTH", "DE123"),
                        new sa.qayd.zatca.model.PostalAddress("Hauptstrasse 1", null, null, null, "Berlin", "10115", "DE")))
                .line(InvoiceLine.of("Export goods", BigDecimal.TEN, new BigDecimal("12.00"), TaxCategory.exempted(Exemption.EXPORT_OF_GOODS)))
                .build()));
        scenarios.add(Arguments.of("standard third party self-billed", Invoices.of(DocumentKind.STANDARD_INVOICE)
                .flags(new TransactionFlags(true, false, false, false, true)).build()));
        scenarios.add(Arguments.of("standard summary over a supply period", Invoices.of(DocumentKind.STANDARD_INVOICE)
                .flags(new TransactionFlags(false, false, false, true, false))
                .supplyDate(today.minusDays(30)).supplyEndDate(today.minusDays(1)).build()));
        scenarios.add(Arguments.of("simplified summary credit note", Invoices.of(DocumentKind.SIMPLIFIED_CREDIT_NOTE)
                .flags(new TransactionFlags(true, false, false, true, false)).buyer(new BuyerParty("عميل نقدي", null, null, null))
                .supplyDate(today.minusDays(30)).supplyEndDate(today).build()));
        scenarios.add(Arguments.of("foreign currency with a charge and rounding", Invoices.of(DocumentKind.STANDARD_INVOICE)
                .currency("USD", new BigDecimal("3.75"))
                .allowanceCharge(new AllowanceCharge(true, new BigDecimal("60.00"), "Legalisation fee", "LF", TaxCategory.standard()))
                .payableRoundingAmount(new BigDecimal("-0.15")).build()));
        scenarios.add(Arguments.of("prepayment deducted at another rate and in another category",
                Invoices.of(DocumentKind.STANDARD_INVOICE)
                        .line(InvoiceLine.of("Laptop", BigDecimal.ONE, new BigDecimal("2000.00"), TaxCategory.standard()))
                        .prepayment(new PrepaymentDeduction("PRE-1", UUID.randomUUID(), today.minusDays(20), LocalTime.NOON,
                                "Advance at 5 %", TaxCategory.standard(new BigDecimal("5")), new BigDecimal("1000.00")))
                        .prepayment(new PrepaymentDeduction("PRE-2", null, today.minusDays(10), LocalTime.of(9, 15, 30),
                                "Advance for medicine", TaxCategory.exempted(Exemption.MEDICINES), new BigDecimal("100.00")))
                        .build()));
        scenarios.add(Arguments.of("prepayment invoice in euros", Invoices.of(DocumentKind.SIMPLIFIED_PREPAYMENT_INVOICE)
                .currency("EUR", new BigDecimal("4.123456")).build()));
        scenarios.add(Arguments.of("zero-rated allowance and exempt charge", Invoices.of(DocumentKind.STANDARD_DEBIT_NOTE)
                .line(InvoiceLine.of("Medicine", BigDecimal.TEN, new BigDecimal("12.00"), TaxCategory.exempted(Exemption.MEDICINES)))
                .allowanceCharge(new AllowanceCharge(false, new BigDecimal("20.00"), "Discount", "95", TaxCategory.exempted(Exemption.MEDICINES)))
                .allowanceCharge(new AllowanceCharge(true, new BigDecimal("5.00"), "Handling", "ABK", TaxCategory.exempted(Exemption.REAL_ESTATE)))
                .build()));
        scenarios.add(Arguments.of("every reference, a note, a period and other units", Invoices.of(DocumentKind.STANDARD_CREDIT_NOTE)
                .note("Delivered to gate 4 | سلمت إلى البوابة 4").purchaseOrderReference("PO-7781").contractReference("CN-2024/11")
                .invoicePeriod(new Period(today.minusDays(31), today.minusDays(1))).supplyDate(today.minusDays(2))
                .paymentMeansCode("ZZZ")
                .line(new InvoiceLine("Diesel", new BigDecimal("120.5"), "LTR", new BigDecimal("0.75"), TaxCategory.standard(),
                        BigDecimal.ZERO, null))
                .line(new InvoiceLine("Consulting", new BigDecimal("7.25"), "HUR", new BigDecimal("450.00"), TaxCategory.standard(),
                        BigDecimal.ZERO, null))
                .build()));
        for (String scheme : List.of("TIN", "CRN", "MOM", "MLS", "700", "SAG", "NAT", "GCC", "IQA", "PAS", "OTH")) {
            scenarios.add(Arguments.of("standard buyer identified by " + scheme, Invoices.of(DocumentKind.STANDARD_INVOICE)
                    .buyer(new BuyerParty("Buyer without VAT", null, new PartyId(scheme, "1234567890"), Invoices.BUYER.address()))
                    .build()));
        }
        return scenarios.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioConforms(String name, InvoiceToIssue invoice) {
        assertConforms(invoice);
    }

    @Test
    void directHashEqualsTheHashZatcaComputesFromTheBytes() throws Exception {
        SignedInvoice signed = ZatcaDocuments.issue(Invoices.of(DocumentKind.STANDARD_CREDIT_NOTE).build(), TestSigners.generated());

        assertThat(InvoiceHash.of(signed.xml())).isEqualTo(signed.invoiceHash());
    }

    private static InvoiceToIssue withLine(DocumentKind kind, Exemption exemption) {
        InvoiceToIssue.Builder builder = Invoices.of(kind)
                .line(InvoiceLine.of("Exempted supply", new BigDecimal("2"), new BigDecimal("150.00"), TaxCategory.exempted(exemption)));
        if (exemption.needsCitizenBuyer()) {
            builder.buyer(new BuyerParty("محمد عبدالله", kind.simplified() ? null : "399999999800003", new PartyId("NAT", "1234567890"),
                    Invoices.BUYER.address()));
        }
        return builder.build();
    }

    private static InvoiceToIssue manyLines(DocumentKind kind) {
        InvoiceToIssue.Builder builder = Invoices.of(kind);
        for (int i = 1; i <= 120; i++) {
            builder.line(InvoiceLine.of("Item " + i, new BigDecimal(i % 7 + 1), new BigDecimal(i + ".37"),
                    i % 5 == 0 ? TaxCategory.exempted(Exemption.MEDICINES) : TaxCategory.standard()));
        }
        return builder.build();
    }

    static void assertConforms(InvoiceToIssue invoice) {
        SignedInvoice signed = ZatcaDocuments.issue(invoice, TestSigners.generated());
        assertThat(InvoiceVerifier.verify(signed.xml(), new VerificationContext(invoice.previousInvoiceHash(), invoice.icv(),
                TestSigners.pki().caCertificate())).problems()).isEmpty();

        List<RuleFinding> findings = ZatcaRules.get().validate(signed.xml()).findings();
        findings.stream().filter(f -> !f.error()).filter(f -> !f.id().equals("BR-KSA-98"))
                .forEach(f -> System.out.println("warning for " + invoice.kind() + ": " + f));
        assertThat(findings).filteredOn(RuleFinding::error).isEmpty();
    }
}
