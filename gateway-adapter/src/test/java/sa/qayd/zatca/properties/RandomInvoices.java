package sa.qayd.zatca.properties;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import sa.qayd.zatca.model.AllowanceCharge;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.model.Exemption;
import sa.qayd.zatca.model.InvoiceLine;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.model.TaxCategory;
import sa.qayd.zatca.model.VatCategory;
import sa.qayd.zatca.testing.Invoices;

/** jqwik generators of valid invoices: any kind, 1–12 lines, all categories, allowances, awkward text. */
final class RandomInvoices {

    private RandomInvoices() {
    }

    static Arbitrary<InvoiceToIssue> invoices() {
        Arbitrary<DocumentKind> kinds = Arbitraries.of(DocumentKind.class);
        Arbitrary<Exemption> zeroRated = Arbitraries.of(Exemption.class).filter(e -> e.category() == VatCategory.Z && !e.needsCitizenBuyer());
        Arbitrary<Exemption> exempt = Arbitraries.of(Exemption.class).filter(e -> e.category() == VatCategory.E);
        // one exemption reason per category and document, as the model requires
        Arbitrary<List<InvoiceLine>> lines = Combinators.combine(zeroRated, exempt)
                .flatAs((z, e) -> line(z, e).list().ofMinSize(1).ofMaxSize(12));
        Arbitrary<Long> icvs = Arbitraries.longs().between(1, 1_000_000_000L);
        Arbitrary<BigDecimal> documentAllowance = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5.00")).ofScale(2);
        return Combinators.combine(kinds, lines, icvs, documentAllowance).as((kind, ls, icv, allowance) -> {
            InvoiceToIssue.Builder builder = Invoices.of(kind).icv(icv).lines(ls);
            if (allowance.signum() > 0) {
                builder.allowanceCharge(AllowanceCharge.allowance(allowance, "discount", TaxCategory.standard()));
            }
            return builder.build();
        });
    }

    private static Arbitrary<InvoiceLine> line(Exemption zeroRated, Exemption exempt) {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcXYZ019 &<>\"'كتابقلمحليب").ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.isBlank());
        Arbitrary<BigDecimal> quantities = Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("1000")).ofScale(3);
        Arbitrary<BigDecimal> prices = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("100000")).ofScale(2);
        Arbitrary<TaxCategory> categories = Arbitraries.oneOf(
                Arbitraries.just(TaxCategory.standard()),
                Arbitraries.just(TaxCategory.standard(new BigDecimal("5"))),
                Arbitraries.of(TaxCategory.exempted(zeroRated), TaxCategory.exempted(exempt)),
                Arbitraries.just(TaxCategory.outOfScope("Not subject to VAT")));
        Arbitrary<Integer> allowancePercent = Arbitraries.integers().between(0, 50);
        return Combinators.combine(names, quantities, prices, categories, allowancePercent).as((name, qty, price, tax, percent) -> {
            InvoiceLine line = InvoiceLine.of(name, qty, price, tax);
            BigDecimal allowance = qty.multiply(price).multiply(BigDecimal.valueOf(percent))
                    .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.DOWN);
            return allowance.signum() > 0 ? line.withAllowance(allowance, "discount") : line;
        });
    }
}
