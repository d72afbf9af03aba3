package sa.qayd.zatca.properties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import sa.qayd.api.invoice.VatCategory;
import sa.qayd.zatca.model.BuyerParty;
import sa.qayd.zatca.model.AllowanceCharge;
import sa.qayd.zatca.model.CodeLists;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.model.Exemption;
import sa.qayd.zatca.model.InvoiceLine;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.model.PartyId;
import sa.qayd.zatca.model.Period;
import sa.qayd.zatca.model.PostalAddress;
import sa.qayd.zatca.model.PrepaymentDeduction;
import sa.qayd.zatca.model.TaxCategory;
import sa.qayd.zatca.model.TransactionFlags;
import sa.qayd.zatca.testing.Invoices;
import sa.qayd.zatca.totals.Totals;

/**
 * Valid documents drawn from a seeded generator: the given kind, the transaction flags that kind
 * allows, 1–12 extra lines in every VAT category and unit, line and document allowances, charges,
 * another currency with its exchange rate, prepayment deductions with other rates, a payable
 * rounding, supply periods, references and awkward text.
 */
final class RandomInvoices {
    private static final String AWKWARD = "abcXYZ019 &<>\"'كتابقلمحليب";
    private static final List<String> UNITS = List.of("PCE", "KGM", "LTR", "HUR", "H87", "MTR", "XBX");
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "AED", "JPY", "KWD", "GBP");
    private static final List<String> OUT_OF_SCOPE = List.of("Not subject to VAT", "Government fee | رسوم حكومية",
            "Disbursement paid on the buyer's behalf");
    private static final BigDecimal FIVE = new BigDecimal("5");

    private final SplittableRandom random;
    private final List<TaxCategory> categories;

    private RandomInvoices(SplittableRandom random) {
        this.random = random;
        // one exemption reason per category and document, as the model requires
        this.categories = List.of(TaxCategory.standard(), TaxCategory.standard(FIVE),
                TaxCategory.exempted(pick(Arrays.stream(Exemption.values())
                        .filter(e -> e.category() == VatCategory.Z && !e.needsCitizenBuyer()).toList())),
                TaxCategory.exempted(pick(Arrays.stream(Exemption.values()).filter(e -> e.category() == VatCategory.E).toList())),
                TaxCategory.outOfScope(pick(OUT_OF_SCOPE)));
    }

    static InvoiceToIssue of(DocumentKind kind, SplittableRandom random) {
        return new RandomInvoices(random).document(kind);
    }

    private InvoiceToIssue document(DocumentKind kind) {
        TransactionFlags flags = flags(kind);
        InvoiceToIssue.Builder builder = Invoices.of(kind).icv(random.nextLong(1, 1_000_000_000L)).flags(flags);
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = random.nextInt(1, 13); i > 0; i--) {
            lines.add(line());
        }
        builder.lines(lines);
        // allowances are bounded by these lines alone: the two lines every document starts with only add to S
        List<AllowanceCharge> allowanceCharges = allowanceCharges(lines);
        builder.allowanceCharges(allowanceCharges);
        if (chance(30)) {
            builder.currency(pick(CURRENCIES), decimal("0.000001", "20", 6));
        }
        LocalDate today = Invoices.recently().toLocalDate();
        if (flags.summary() || chance(30)) {
            LocalDate start = today.minusDays(random.nextInt(0, 60));
            builder.supplyDate(start).supplyEndDate(flags.summary() || chance(50) ? start.plusDays(random.nextInt(0, 60)) : null);
        }
        if (flags.summary() && kind.simplified()) {
            builder.buyer(new BuyerParty(text(1, 40), null, null, null));
        }
        if (flags.export()) {
            builder.buyer(new BuyerParty("Foreign Buyer GmbH", null, new PartyId("OTH", "DE" + random.nextInt(100_000, 999_999)),
                    new PostalAddress("Hauptstrasse 1", null, null, null, "Berlin", "10115", "DE")));
        } else if (!kind.simplified() && chance(30)) {
            builder.buyer(new BuyerParty("Buyer without VAT number", null, otherBuyerId(), Invoices.BUYER.address()));
        }
        if (chance(30)) {
            builder.note(text(1, 200));
        }
        if (chance(20)) {
            builder.purchaseOrderReference("PO-" + random.nextInt(1, 99_999)).contractReference(text(1, 60));
        }
        if (chance(20)) {
            builder.invoicePeriod(new Period(today.minusDays(30), chance(50) ? today : null));
        }
        if (chance(20)) {
            builder.paymentMeansCode(pick(List.copyOf(CodeLists.PAYMENT_MEANS)));
        }
        var totals = Totals.of(lines, allowanceCharges, List.of(), BigDecimal.ZERO, null);
        if (kind.isInvoice() && chance(35) && totals.taxExclusive().compareTo(BigDecimal.TEN) >= 0) {
            for (int i = random.nextInt(1, 3); i > 0; i--) {
                // at most a quarter of the amount without VAT each, so the amount due stays positive at any rate
                builder.prepayment(new PrepaymentDeduction("PRE-" + random.nextInt(1, 9999), chance(50) ? UUID.randomUUID() : null,
                        today.minusDays(random.nextInt(1, 365)), LocalTime.of(random.nextInt(24), random.nextInt(60), random.nextInt(60)),
                        "Advance received | دفعة مقدمة", pick(categories),
                        decimal("0.01", totals.taxExclusive().divide(BigDecimal.valueOf(4), 2, RoundingMode.DOWN).toPlainString(), 2)));
            }
        }
        if (chance(30) && totals.taxExclusive().compareTo(BigDecimal.TEN) >= 0) {
            builder.payableRoundingAmount(decimal("-0.99", "0.99", 2));
        }
        return builder.build();
    }

    private TransactionFlags flags(DocumentKind kind) {
        boolean export = !kind.simplified() && chance(25);
        boolean selfBilled = !kind.simplified() && !export && chance(25);
        return new TransactionFlags(chance(25), chance(25), export, chance(25), selfBilled);
    }

    private InvoiceLine line() {
        BigDecimal quantity = decimal("0.001", "1000", 3);
        BigDecimal price = decimal("0.01", "100000", 2);
        InvoiceLine line = new InvoiceLine(text(1, 40), quantity, pick(UNITS), price, pick(categories), BigDecimal.ZERO, null);
        BigDecimal allowance = quantity.multiply(price).multiply(BigDecimal.valueOf(random.nextInt(0, 51)))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
        return allowance.signum() > 0 ? line.withAllowance(allowance, "discount") : line;
    }

    /** Charges in any category; allowances at most half of what their category taxes, so no category goes below zero. */
    private List<AllowanceCharge> allowanceCharges(List<InvoiceLine> lines) {
        Map<TaxCategory, BigDecimal> taxable = new LinkedHashMap<>();
        for (InvoiceLine line : lines) {
            taxable.merge(line.tax(), Totals.lineNet(line.quantity(), line.unitPrice(), line.allowance()), BigDecimal::add);
        }
        List<AllowanceCharge> result = new ArrayList<>();
        for (int i = random.nextInt(0, 4); i > 0; i--) {
            if (chance(50)) {
                TaxCategory tax = pick(categories);
                BigDecimal amount = decimal("0.00", "500", 2);
                result.add(new AllowanceCharge(true, amount, "Freight | شحن", chance(50) ? "FC" : null, tax));
                taxable.merge(tax, amount, BigDecimal::add);
            } else {
                TaxCategory tax = pick(List.copyOf(taxable.keySet()));
                BigDecimal amount = taxable.get(tax).divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                result.add(new AllowanceCharge(false, amount, "discount", chance(50) ? "95" : null, tax));
                taxable.merge(tax, amount.negate(), BigDecimal::add);
            }
        }
        return result;
    }

    private PartyId otherBuyerId() {
        String scheme = pick(List.copyOf(CodeLists.BUYER_ID_SCHEMES));
        return new PartyId(scheme, scheme.equals("NAT") ? "1" + random.nextInt(100_000_000, 999_999_999) : "X" + random.nextInt(1, 99_999));
    }

    private String text(int min, int max) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(min, max + 1);
        while (text.length() < length || text.toString().isBlank()) {
            text.append(AWKWARD.charAt(random.nextInt(AWKWARD.length())));
        }
        return text.toString();
    }

    private BigDecimal decimal(String min, String max, int scale) {
        long low = new BigDecimal(min).movePointRight(scale).longValueExact();
        long high = new BigDecimal(max).movePointRight(scale).longValueExact();
        return BigDecimal.valueOf(random.nextLong(low, high + 1), scale);
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
