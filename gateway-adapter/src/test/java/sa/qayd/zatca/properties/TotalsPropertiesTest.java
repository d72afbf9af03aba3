package sa.qayd.zatca.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sa.qayd.zatca.model.AllowanceCharge;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.model.InvoiceLine;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.model.PrepaymentDeduction;
import sa.qayd.zatca.model.TaxCategory;
import sa.qayd.zatca.testing.Seeds;
import sa.qayd.zatca.totals.InvoiceTotals;
import sa.qayd.zatca.totals.LineAmounts;
import sa.qayd.zatca.totals.TaxSubtotal;
import sa.qayd.zatca.totals.Totals;

/**
 * The rounding policy of {@link Totals} against an independent computation in whole cents (a long per
 * amount, half-up by integer arithmetic), over random documents of every kind.
 */
class TotalsPropertiesTest {

    static Stream<Arguments> documents() {
        return InvoicePropertiesTest.kindsAndSeeds(40);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("documents")
    void everyAmountIsWhatTheCentsArithmeticGives(DocumentKind kind, long seed) {
        Seeds.check(seed, random -> {
            InvoiceToIssue invoice = RandomInvoices.of(kind, random);
            InvoiceTotals totals = Totals.of(invoice);

            Map<TaxCategory, Long> taxable = new HashMap<>();
            long lineExtension = 0;
            for (int i = 0; i < invoice.lines().size(); i++) {
                InvoiceLine line = invoice.lines().get(i);
                long net = halfUpCents(line.quantity().multiply(line.unitPrice())) - cents(line.allowance());
                long vat = halfUpCents(BigDecimal.valueOf(net).multiply(line.tax().rate()).movePointLeft(4));
                LineAmounts amounts = totals.lines().get(i);
                assertThat(cents(amounts.net())).as("line %d net", i + 1).isEqualTo(net);
                assertThat(cents(amounts.vat())).as("line %d VAT", i + 1).isEqualTo(vat);
                assertThat(cents(amounts.withVat())).as("line %d with VAT (BR-KSA-51)", i + 1).isEqualTo(net + vat);
                lineExtension += net;
                taxable.merge(line.tax(), net, Long::sum);
            }
            long allowances = 0;
            long charges = 0;
            for (AllowanceCharge ac : invoice.allowanceCharges()) {
                taxable.merge(ac.tax(), ac.charge() ? cents(ac.amount()) : -cents(ac.amount()), Long::sum);
                allowances += ac.charge() ? 0 : cents(ac.amount());
                charges += ac.charge() ? cents(ac.amount()) : 0;
            }
            for (PrepaymentDeduction deduction : invoice.prepayments()) {
                if (taxable.keySet().stream().noneMatch(tax -> tax.category() == deduction.tax().category())) {
                    taxable.put(deduction.tax(), 0L);
                }
            }
            long taxTotal = 0;
            assertThat(totals.subtotals()).hasSize(taxable.size());
            for (TaxSubtotal subtotal : totals.subtotals()) {
                long categoryTaxable = taxable.get(subtotal.category());
                long categoryVat = halfUpCents(BigDecimal.valueOf(categoryTaxable).multiply(subtotal.category().rate()).movePointLeft(4));
                assertThat(cents(subtotal.taxable())).as("taxable of %s", subtotal.category()).isEqualTo(categoryTaxable);
                assertThat(cents(subtotal.tax())).as("VAT of %s (BR-S-09 …)", subtotal.category()).isEqualTo(categoryVat);
                taxTotal += categoryVat;
            }
            long prepaid = 0;
            for (PrepaymentDeduction deduction : invoice.prepayments()) {
                prepaid += cents(deduction.taxable())
                        + halfUpCents(deduction.taxable().multiply(deduction.tax().rate()).movePointLeft(2));
            }
            long exclusive = lineExtension - allowances + charges;
            long inclusive = exclusive + taxTotal;
            long payable = inclusive - prepaid + cents(invoice.payableRoundingAmount());

            assertThat(cents(totals.lineExtension())).as("BR-CO-10").isEqualTo(lineExtension);
            assertThat(cents(totals.allowanceTotal())).as("BR-CO-11").isEqualTo(allowances);
            assertThat(cents(totals.chargeTotal())).as("BR-CO-12").isEqualTo(charges);
            assertThat(cents(totals.taxExclusive())).as("BR-CO-13").isEqualTo(exclusive);
            assertThat(cents(totals.taxTotal())).as("BR-CO-14").isEqualTo(taxTotal);
            assertThat(cents(totals.taxInclusive())).as("BR-CO-15").isEqualTo(inclusive);
            assertThat(cents(totals.prepaid())).as("BR-KSA-80").isEqualTo(prepaid);
            assertThat(cents(totals.payable())).as("BR-CO-16").isEqualTo(payable).isNotNegative();
            long sar = invoice.exchangeRate() == null ? taxTotal
                    : halfUpCents(BigDecimal.valueOf(taxTotal).multiply(invoice.exchangeRate()).movePointLeft(2));
            assertThat(cents(totals.taxTotalSar())).as("BT-111").isEqualTo(sar);
            assertThat(List.of(totals.lineExtension(), totals.taxTotal(), totals.taxTotalSar(), totals.taxInclusive(),
                    totals.prepaid(), totals.payable())).allSatisfy(amount -> assertThat(amount.scale()).isEqualTo(2));
            // without document allowances, rounding per category differs from summing the line VATs by at
            // most half a cent per rounded line and category
            long lineVats = totals.lines().stream().mapToLong(line -> cents(line.vat())).sum();
            long roundedLines = invoice.lines().stream().filter(line -> line.tax().rate().signum() > 0).count();
            long roundedCategories = totals.subtotals().stream().filter(s -> s.category().rate().signum() > 0).count();
            if (invoice.allowanceCharges().isEmpty()) {
                assertThat(Math.abs(lineVats - taxTotal)).isLessThanOrEqualTo((roundedLines + roundedCategories + 1) / 2);
            }
        });
    }

    private static long cents(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }

    /** Half-up to whole cents in integer arithmetic, independent of BigDecimal's rounding modes. */
    private static long halfUpCents(BigDecimal amount) {
        BigDecimal hundredths = amount.movePointRight(2);
        long whole = hundredths.setScale(0, RoundingMode.DOWN).longValueExact();
        BigDecimal fraction = hundredths.subtract(BigDecimal.valueOf(whole)).abs();
        return fraction.compareTo(new BigDecimal("0.5")) >= 0 ? whole + Long.signum(hundredths.signum()) : whole;
    }
}
