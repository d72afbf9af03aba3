package sa.qayd.command.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import sa.qayd.api.invoice.AllowanceChargeDraft;
import sa.qayd.api.invoice.Buyer;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceLineDraft;
import sa.qayd.api.invoice.PrepaymentDraft;
import sa.qayd.api.invoice.TransactionFlags;
import sa.qayd.api.invoice.VatCategory;
import sa.qayd.command.invoice.InvoiceRequest.AllowanceChargeRequest;
import sa.qayd.command.invoice.InvoiceRequest.BuyerRequest;
import sa.qayd.command.invoice.InvoiceRequest.LineRequest;
import sa.qayd.command.invoice.InvoiceRequest.PrepaymentRequest;
import sa.qayd.command.web.FieldErrors;
import sa.qayd.command.web.SaudiFormats;
import sa.qayd.zatca.model.CodeLists;
import sa.qayd.zatca.totals.InvoiceTotals;
import sa.qayd.zatca.totals.TaxSubtotal;

/**
 * Checks an invoice request field by field against what ZATCA will demand of the document, so an
 * integrator learns every mistake at once and before anything is numbered or signed. Text is taken
 * as sent: what {@link FieldErrors#text} refuses is refused, nothing is trimmed.
 */
final class InvoiceRequestValidator {
    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    static final int MAX_LINES = 1000;
    /** Allowances, charges and prepayments each. */
    static final int MAX_ENTRIES = 100;
    /**
     * The largest amount a document may state, in its currency (and its VAT in SAR): far above any
     * real invoice, and every total below it fits the views' numeric(19,2) columns and a JavaScript number.
     */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");
    static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");
    /** BR-KSA-F-01: dates are from the year 2000 on. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    private static final String SAR = "SAR";
    private static final Pattern UNIT_CODE = Pattern.compile("[A-Z0-9]{1,3}");
    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9]{1,127}");
    /** Saudi national ids start with 1, iqamas with 2, TINs with 3, unified 700 numbers with 7. */
    private static final Map<String, Pattern> ID_FORMATS = Map.of(
            "NAT", Pattern.compile("1\\d{9}"), "IQA", Pattern.compile("2\\d{9}"),
            "TIN", Pattern.compile("3\\d{9}"), "700", Pattern.compile("7\\d{9}"));
    private static final int AMOUNT_SCALE = 2;
    private static final int QUANTITY_SCALE = 6;
    private static final int RATE_SCALE = 6;
    /** BR-KSA-90. */
    private static final int MAX_RATE_LENGTH = 14;

    private final Clock clock;

    InvoiceRequestValidator(Clock clock) {
        this.clock = clock;
    }

    /**
     * Validates the body, with the rules of its kind where the request names it ({@code kind} is null for a
     * note that takes its original invoice's kind: its EGS unit applies them, see {@link DocumentRules}).
     */
    InvoiceDraft validate(InvoiceRequest request, InvoiceKind kind, DocumentType type, FieldErrors errors) {
        errors.text("invoice_number", request.invoiceNumber(), false, 127);
        LocalDateTime now = LocalDateTime.now(clock.withZone(RIYADH)).truncatedTo(ChronoUnit.SECONDS);
        LocalDate issueDate = request.issueDate() != null ? request.issueDate() : now.toLocalDate();
        LocalTime issueTime = request.issueTime() != null ? request.issueTime().truncatedTo(ChronoUnit.SECONDS) : now.toLocalTime();
        if (issueDate.atTime(issueTime).isAfter(now.plusMinutes(5))) {
            errors.add(request.issueTime() != null ? "issue_time" : "issue_date", "must not be in the future (Asia/Riyadh time)");
        }
        date(errors, "issue_date", request.issueDate());
        String currency = currency(request, errors);
        TransactionFlags flags = flags(request.transaction());
        if (flags.export() && flags.selfBilled()) {
            errors.add("transaction.self_billed", "an export cannot be self-billed (BR-KSA-07)");
        }
        if (request.paymentMeans() != null && !CodeLists.PAYMENT_MEANS.contains(request.paymentMeans())) {
            errors.add("payment_means", "must be a UNTDID 4461 payment means code ZATCA accepts (BR-KSA-16), "
                    + "e.g. 10 cash, 30 credit transfer, 42 bank account, 48 bank card, 1 not defined, ZZZ mutually defined");
        }
        errors.text("note", request.note(), false, 1000);
        errors.text("purchase_order_reference", request.purchaseOrderReference(), false, 127);
        errors.text("contract_reference", request.contractReference(), false, 127);
        LocalDate supplyDate = supply(request, kind, type, issueDate, flags, errors);
        InvoiceDraft.InvoicePeriod period = period(request.invoicePeriod(), errors);
        Buyer buyer = buyer(request.buyer(), errors);
        List<InvoiceLineDraft> lines = lines(request.lines(), errors);
        List<AllowanceChargeDraft> allowanceCharges = new ArrayList<>(allowanceCharges("allowances", request.allowances(), false, errors));
        allowanceCharges.addAll(allowanceCharges("charges", request.charges(), true, errors));
        List<PrepaymentDraft> prepayments = prepayments(request.prepayments(), type, errors);
        oneExemptionPerCategory(lines, allowanceCharges, errors);
        BigDecimal rounding = request.payableRoundingAmount();
        if (rounding != null && (rounding.abs().compareTo(BigDecimal.ONE) >= 0 || rounding.stripTrailingZeros().scale() > AMOUNT_SCALE)) {
            errors.add("payable_rounding_amount", "must be less than 1 either way, with at most 2 decimals");
        }
        boolean toCitizen = lines.stream().anyMatch(line -> ZatcaDocumentMapping.isCitizenSupply(line.exemptionReasonCode()));
        if (toCitizen && (buyer == null || buyer.name() == null || buyer.identification() == null
                || !Buyer.NATIONAL_ID_SCHEME.equals(buyer.identification().scheme()))) {
            errors.add("buyer", "private education or healthcare to a citizen needs the buyer's name and national id (BR-KSA-25/49)");
        }
        InvoiceDraft draft = new InvoiceDraft(optional(request.invoiceNumber()), issueDate, issueTime, currency, buyer, lines,
                request.paymentMeans(), optional(request.note()), null, flags,
                SAR.equals(currency) || request.exchangeRate() == null ? null : request.exchangeRate().stripTrailingZeros(), supplyDate, request.supplyEndDate(), period,
                optional(request.purchaseOrderReference()), optional(request.contractReference()), allowanceCharges,
                prepayments, decimal(rounding, AMOUNT_SCALE));
        if (kind != null) {
            DocumentRules.checkKind(draft, kind, errors);
        }
        if (errors.isEmpty()) {
            checkTotals(draft, errors);
        }
        return draft;
    }

    private String currency(InvoiceRequest request, FieldErrors errors) {
        String currency = request.currency() == null ? SAR : request.currency().toUpperCase(Locale.ROOT);
        BigDecimal rate = request.exchangeRate();
        if (!CodeLists.CURRENCIES.contains(currency)) {
            errors.add("currency", "must be an ISO 4217 currency code ZATCA accepts (BR-KSA-CL-01), e.g. SAR, USD, EUR");
        } else if (SAR.equals(currency) && rate != null) {
            errors.add("exchange_rate", "is only for documents in another currency than SAR");
        } else if (!SAR.equals(currency) && rate == null) {
            errors.add("exchange_rate", "is required for a " + currency + " document: SAR per 1 " + currency
                    + " (ZATCA wants the VAT total in SAR too)");
        } else if (rate != null && (rate.signum() <= 0 || rate.stripTrailingZeros().scale() > RATE_SCALE
                || rate.stripTrailingZeros().toPlainString().length() > MAX_RATE_LENGTH)) {
            errors.add("exchange_rate", "must be greater than 0 with at most " + RATE_SCALE + " decimals and "
                    + MAX_RATE_LENGTH + " characters (BR-KSA-90)");
        }
        return currency;
    }

    private static TransactionFlags flags(InvoiceRequest.TransactionRequest transaction) {
        if (transaction == null) {
            return TransactionFlags.NONE;
        }
        return new TransactionFlags(isTrue(transaction.thirdParty()), isTrue(transaction.nominal()), isTrue(transaction.export()),
                isTrue(transaction.summary()), isTrue(transaction.selfBilled()));
    }

    /** The supply date, the issue date by default for standard invoices (BR-KSA-15); a summary needs the period (BR-KSA-72). */
    private LocalDate supply(InvoiceRequest request, InvoiceKind kind, DocumentType type, LocalDate issueDate,
                             TransactionFlags flags, FieldErrors errors) {
        date(errors, "supply_date", request.supplyDate());
        date(errors, "supply_end_date", request.supplyEndDate());
        LocalDate supplyDate = request.supplyDate();
        if (supplyDate == null && kind == InvoiceKind.STANDARD && type == DocumentType.INVOICE) {
            supplyDate = issueDate;
        }
        if (request.supplyEndDate() != null && request.supplyDate() == null) {
            errors.add("supply_date", "is required with supply_end_date (BR-KSA-35)");
        } else if (request.supplyEndDate() != null && request.supplyEndDate().isBefore(request.supplyDate())) {
            errors.add("supply_end_date", "must not be before supply_date (BR-KSA-36)");
        }
        if (flags.summary() && (request.supplyDate() == null || request.supplyEndDate() == null)) {
            errors.add(request.supplyDate() == null ? "supply_date" : "supply_end_date",
                    "is required for a summary document: it covers the supply period supply_date…supply_end_date (BR-KSA-72)");
        }
        return supplyDate;
    }

    private InvoiceDraft.InvoicePeriod period(InvoiceRequest.PeriodRequest period, FieldErrors errors) {
        if (period == null) {
            return null;
        }
        date(errors, "invoice_period.start_date", period.startDate());
        date(errors, "invoice_period.end_date", period.endDate());
        if (period.startDate() == null && period.endDate() == null) {
            errors.add("invoice_period", "needs start_date, end_date or both (BR-CO-19)");
        } else if (period.startDate() != null && period.endDate() != null && period.endDate().isBefore(period.startDate())) {
            errors.add("invoice_period.end_date", "must not be before start_date (BR-29)");
        }
        return new InvoiceDraft.InvoicePeriod(period.startDate(), period.endDate());
    }

    private Buyer buyer(BuyerRequest buyer, FieldErrors errors) {
        if (buyer == null) {
            return null;
        }
        errors.text("buyer.name", buyer.name(), false, 1000);
        if (errors.text("buyer.vat_number", buyer.vatNumber(), false, 15)) {
            errors.check("buyer.vat_number", buyer.vatNumber(), SaudiFormats::isVatNumber, SaudiFormats.VAT_NUMBER_RULE);
        }
        if (buyer.address() != null) {
            buyer.address().validate(errors, "buyer.address");
        }
        Buyer.Identification identification = null;
        if (optional(buyer.nationalId()) != null && buyer.identification() != null) {
            errors.add("buyer.national_id", "send either national_id or identification, not both");
        } else if (optional(buyer.nationalId()) != null) {
            identification = identification("buyer.national_id", Buyer.NATIONAL_ID_SCHEME, buyer.nationalId(), errors);
        } else if (buyer.identification() != null) {
            identification = identification("buyer.identification.value", buyer.identification().scheme(),
                    buyer.identification().value(), errors);
        }
        return new Buyer(optional(buyer.name()), optional(buyer.vatNumber()),
                buyer.address() == null ? null : buyer.address().toAddress(), identification);
    }

    /**
     * BR-KSA-14: one of ZATCA's schemes and an alphanumeric value, in the scheme's own format where it has
     * one. The identification is the buyer's as sent, so that the kind's rules see that it has one.
     */
    private static Buyer.Identification identification(String valueField, String scheme, String value, FieldErrors errors) {
        if (scheme == null || !CodeLists.BUYER_ID_SCHEMES.contains(scheme)) {
            errors.add("buyer.identification.scheme", "must be one of " + CodeLists.BUYER_ID_SCHEMES.stream().sorted().toList()
                    + " (BR-KSA-14)");
        } else if (errors.text(valueField, value, true, 127)) {
            Pattern format = ID_FORMATS.getOrDefault(scheme, ALPHANUMERIC);
            if (!format.matcher(value).matches()) {
                errors.add(valueField, format == ALPHANUMERIC ? "must be letters and digits only (BR-KSA-14)"
                        : "must be a " + scheme + " number: 10 digits starting with " + format.pattern().charAt(0));
            }
        }
        return new Buyer.Identification(scheme, value);
    }

    private List<InvoiceLineDraft> lines(List<LineRequest> lines, FieldErrors errors) {
        if (lines == null || lines.isEmpty()) {
            errors.add("lines", "needs at least one line");
            return List.of();
        }
        return each("lines", lines, MAX_LINES, errors, (path, line) -> {
            errors.text(path + ".name", line.name(), true, 1000);
            amount(errors, path + ".quantity", line.quantity(), QUANTITY_SCALE, true, MAX_QUANTITY);
            if (errors.text(path + ".unit_code", line.unitCode(), false, 3)) {
                errors.check(path + ".unit_code", line.unitCode(), code -> UNIT_CODE.matcher(code).matches(),
                        "must be a UN/ECE recommendation 20 unit code such as PCE (piece), KGM, LTR, MTR, HUR or H87");
            }
            amount(errors, path + ".unit_price", line.unitPrice(), AMOUNT_SCALE, false, MAX_AMOUNT);
            VatCategory category = vat(errors, path, line.vatCategory(), line.vatRate(), line.exemptionReasonCode(),
                    line.exemptionReason());
            if (line.discount() != null) {
                amount(errors, path + ".discount", line.discount(), AMOUNT_SCALE, false, MAX_AMOUNT);
                if (line.quantity() != null && line.unitPrice() != null
                        && line.discount().compareTo(line.quantity().multiply(line.unitPrice())) > 0) {
                    errors.add(path + ".discount", "must not exceed quantity × unit_price");
                }
            }
            return new InvoiceLineDraft(optional(line.name()), decimal(line.quantity(), QUANTITY_SCALE),
                    decimal(line.unitPrice(), AMOUNT_SCALE), category, line.vatRate(),
                    exemptionCode(category, line.exemptionReasonCode()), decimal(line.discount(), AMOUNT_SCALE),
                    optional(line.unitCode()), optional(line.exemptionReason()));
        });
    }

    private List<AllowanceChargeDraft> allowanceCharges(String field, List<AllowanceChargeRequest> entries, boolean charge,
                                                        FieldErrors errors) {
        Set<String> reasonCodes = charge ? CodeLists.CHARGE_REASONS : CodeLists.ALLOWANCE_REASONS;
        return each(field, entries, MAX_ENTRIES, errors, (path, entry) -> {
            amount(errors, path + ".amount", entry.amount(), AMOUNT_SCALE, false, MAX_AMOUNT);
            errors.text(path + ".reason", entry.reason(), true, 1000);
            if (entry.reasonCode() != null && !reasonCodes.contains(entry.reasonCode())) {
                errors.add(path + ".reason_code", charge
                        ? "must be a UNTDID 7161 charge reason code (BR-KSA-CL-06), e.g. FC freight, LF legalisation fee"
                        : "must be a UNTDID 5189 allowance reason code, e.g. 95 discount, 100 special rebate");
            }
            VatCategory category = vat(errors, path, entry.vatCategory(), entry.vatRate(), entry.exemptionReasonCode(),
                    entry.exemptionReason());
            return new AllowanceChargeDraft(charge, decimal(entry.amount(), AMOUNT_SCALE), optional(entry.reason()),
                    entry.reasonCode(), category, entry.vatRate(), exemptionCode(category, entry.exemptionReasonCode()),
                    optional(entry.exemptionReason()));
        });
    }

    private List<PrepaymentDraft> prepayments(List<PrepaymentRequest> prepayments, DocumentType type, FieldErrors errors) {
        if (prepayments != null && !prepayments.isEmpty() && type != DocumentType.INVOICE) {
            errors.add("prepayments", "only a final invoice deducts prepayments, not a " + type.wireName().replace('_', ' '));
            return List.of();
        }
        return each("prepayments", prepayments, MAX_ENTRIES, errors, (path, prepayment) -> {
            errors.text(path + ".invoice_number", prepayment.invoiceNumber(), true, 127);
            errors.required(path + ".issue_date", prepayment.issueDate());
            date(errors, path + ".issue_date", prepayment.issueDate());
            errors.required(path + ".issue_time", prepayment.issueTime());
            errors.text(path + ".name", prepayment.name(), false, 1000);
            VatCategory category = vat(errors, path, prepayment.vatCategory(), prepayment.vatRate(),
                    prepayment.exemptionReasonCode(), prepayment.exemptionReason());
            amount(errors, path + ".taxable_amount", prepayment.taxableAmount(), AMOUNT_SCALE, true, MAX_AMOUNT);
            String number = optional(prepayment.invoiceNumber());
            String name = optional(prepayment.name());
            return new PrepaymentDraft(number, prepayment.uuid(), prepayment.issueDate(),
                    prepayment.issueTime() == null ? null : prepayment.issueTime().truncatedTo(ChronoUnit.SECONDS),
                    name != null ? name : "Prepayment " + number, category, prepayment.vatRate(),
                    exemptionCode(category, prepayment.exemptionReasonCode()), optional(prepayment.exemptionReason()),
                    decimal(prepayment.taxableAmount(), AMOUNT_SCALE));
        });
    }

    /** Each entry of a list field checked by {@code check} under its path ({@code field[i]}); at most {@code max} of them. */
    private static <R, D> List<D> each(String field, List<R> entries, int max, FieldErrors errors,
                                       BiFunction<String, R, D> check) {
        if (entries == null) {
            return List.of();
        }
        if (entries.size() > max) {
            errors.add(field, "must have at most " + max + " entries");
            return List.of();
        }
        List<D> drafts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = field + "[" + i + "]";
            R entry = entries.get(i);
            if (entry == null) {
                errors.add(path, "must be an object");
            } else {
                drafts.add(check.apply(path, entry));
            }
        }
        return drafts;
    }

    /** The category of a line, allowance, charge or prepayment, its rate and its exemption reason; null if unusable. */
    private VatCategory vat(FieldErrors errors, String path, String vatCategory, BigDecimal rate, String code, String reason) {
        VatCategory category = null;
        if (vatCategory == null) {
            errors.add(path + ".vat_category", "is required: S, Z, E or O");
        } else {
            try {
                category = VatCategory.valueOf(vatCategory.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(path + ".vat_category", "must be S (standard), Z (zero rated), E (exempt) or O (out of scope)");
            }
        }
        if (rate == null) {
            errors.add(path + ".vat_rate", "is required");
        } else if (category != null && !category.allowsRate(rate)) {
            errors.add(path + ".vat_rate", category == VatCategory.S ? "must be 15 or 5 for category S" : "must be 0 for category " + category);
        }
        if (category == null) {
            return null;
        }
        if (category.needsExemptionReason()) {
            Set<String> allowed = ZatcaDocumentMapping.exemptionCodes(category);
            if (code == null || !allowed.contains(code)) {
                errors.add(path + ".exemption_reason_code", "is required for category " + category
                        + " and must be one of " + allowed.stream().sorted().toList());
            }
        } else if (code != null) {
            errors.add(path + ".exemption_reason_code", "is only allowed for categories Z, E and O");
        }
        if (category == VatCategory.O) {
            errors.text(path + ".exemption_reason", reason, false, 1000);
        } else if (reason != null) {
            errors.add(path + ".exemption_reason", "is only for category O (VATEX-SA-OOS): Z and E carry ZATCA's own text for their code");
        }
        return category;
    }

    /** EN 16931 sums a Z, E or O category into one breakdown, so a document gives each one reason. */
    private static void oneExemptionPerCategory(List<InvoiceLineDraft> lines, List<AllowanceChargeDraft> allowanceCharges,
                                                FieldErrors errors) {
        record Reason(String path, VatCategory category, String code, String text) {
        }
        List<Reason> reasons = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLineDraft line = lines.get(i);
            reasons.add(new Reason("lines[" + i + "]", line.vatCategory(), line.exemptionReasonCode(), line.exemptionReason()));
        }
        int allowances = 0;
        int charges = 0;
        for (AllowanceChargeDraft ac : allowanceCharges) {
            String path = ac.charge() ? "charges[" + charges++ + "]" : "allowances[" + allowances++ + "]";
            reasons.add(new Reason(path, ac.vatCategory(), ac.exemptionReasonCode(), ac.exemptionReason()));
        }
        Map<VatCategory, Reason> first = new EnumMap<>(VatCategory.class);
        for (Reason reason : reasons) {
            if (reason.code() == null) {
                continue;
            }
            Reason earlier = first.putIfAbsent(reason.category(), reason);
            if (earlier != null && !(earlier.code().equals(reason.code()) && Objects.equals(earlier.text(), reason.text()))) {
                errors.add(reason.path() + (earlier.code().equals(reason.code()) ? ".exemption_reason" : ".exemption_reason_code"),
                        "one document carries one exemption reason per VAT category; " + earlier.path() + " already gives "
                                + earlier.code() + (earlier.text() == null ? "" : " (" + earlier.text() + ")") + " for "
                                + reason.category());
            }
        }
    }

    /** What the document's totals must be: no category below zero, no negative amount due, nothing beyond {@link #MAX_AMOUNT}. */
    private static void checkTotals(InvoiceDraft draft, FieldErrors errors) {
        InvoiceTotals totals;
        try {
            totals = ZatcaDocumentMapping.totals(draft);
        } catch (IllegalArgumentException refused) {
            // the document model's own checks, e.g. text that no XML may carry
            errors.add("body", "ZATCA would refuse this document: " + refused.getMessage());
            return;
        }
        List<TaxSubtotal> belowZero = totals.subtotals().stream().filter(subtotal -> subtotal.taxable().signum() < 0).toList();
        for (TaxSubtotal subtotal : belowZero) {
            errors.add("allowances", "the allowances in category " + subtotal.category().category() + " "
                    + subtotal.category().rate().stripTrailingZeros().toPlainString() + " % exceed its lines and charges by "
                    + subtotal.taxable().negate());
        }
        if (belowZero.isEmpty() && totals.payable().signum() < 0) {
            errors.add(draft.prepayments().isEmpty() ? "payable_rounding_amount" : "prepayments", "the prepaid amount "
                    + totals.prepaid() + " and the rounding " + totals.payableRounding() + " exceed the invoice total "
                    + totals.taxInclusive() + ": the amount due would be negative");
        }
        boolean tooLarge = Stream.concat(
                        Stream.of(totals.lineExtension(), totals.allowanceTotal(), totals.chargeTotal(), totals.taxExclusive(),
                                totals.taxTotal(), totals.taxTotalSar(), totals.taxInclusive(), totals.prepaid()),
                        totals.lines().stream().map(line -> line.withVat()))
                .anyMatch(amount -> amount.abs().compareTo(MAX_AMOUNT) > 0);
        if (tooLarge) {
            errors.add("lines", "the document's amounts exceed " + MAX_AMOUNT.toPlainString()
                    + ", the largest amount a Qayd document states (line totals, sums, VAT, and the VAT in SAR)");
        }
    }

    private static void date(FieldErrors errors, String field, LocalDate date) {
        if (date != null && date.isBefore(EARLIEST_DATE)) {
            errors.add(field, "must be 2000-01-01 or later (BR-KSA-F-01)");
        }
    }

    private static void amount(FieldErrors errors, String field, BigDecimal value, int maxScale, boolean strictlyPositive,
                               BigDecimal max) {
        if (value == null) {
            errors.add(field, "is required");
        } else if (strictlyPositive ? value.signum() <= 0 : value.signum() < 0) {
            errors.add(field, strictlyPositive ? "must be greater than 0" : "must not be negative");
        } else if (value.stripTrailingZeros().scale() > maxScale) {
            errors.add(field, "must have at most " + maxScale + " decimals");
        } else if (value.compareTo(max) > 0) {
            errors.add(field, "must be at most " + max.toPlainString());
        }
    }

    /** The same value with at most {@code maxScale} decimals where that loses nothing (12.500 → 12.50); else unchanged. */
    private static BigDecimal decimal(BigDecimal value, int maxScale) {
        return value == null || value.scale() <= maxScale || value.stripTrailingZeros().scale() > maxScale
                ? value : value.setScale(maxScale, RoundingMode.UNNECESSARY);
    }

    private static String exemptionCode(VatCategory category, String code) {
        return category == null || !category.needsExemptionReason() ? null : code;
    }

    private static boolean isTrue(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    /** Blank means absent; anything else is kept exactly as sent. */
    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
