package sa.qayd.command.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Pattern;
import sa.qayd.api.invoice.Buyer;
import sa.qayd.api.invoice.DocumentType;
import sa.qayd.api.invoice.InvoiceDraft;
import sa.qayd.api.invoice.InvoiceKind;
import sa.qayd.api.invoice.InvoiceLineDraft;
import sa.qayd.api.invoice.VatCategory;
import sa.qayd.command.invoice.InvoiceRequest.BuyerRequest;
import sa.qayd.command.invoice.InvoiceRequest.LineRequest;
import sa.qayd.command.web.FieldErrors;
import sa.qayd.command.web.SaudiFormats;

/**
 * Checks an invoice request field by field against what ZATCA will demand of the document, so an
 * integrator learns every mistake at once and before anything is numbered or signed.
 */
final class InvoiceRequestValidator {
    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    static final int MAX_LINES = 1000;
    private static final Pattern PAYMENT_MEANS = Pattern.compile("\\d{1,2}");
    private static final Pattern NATIONAL_ID = Pattern.compile("\\d{10}");
    /** The protocol core issues SAR documents only, so far. */
    private static final String SUPPORTED_CURRENCY = "SAR";
    private static final Set<String> CITIZEN_SUPPLIES = Set.of("VATEX-SA-EDU", "VATEX-SA-HEA");
    private static final int AMOUNT_SCALE = 2;
    private static final int QUANTITY_SCALE = 6;

    private final Clock clock;

    InvoiceRequestValidator(Clock clock) {
        this.clock = clock;
    }

    /**
     * Validates the common part of the body. {@code kind} is null for a note whose type is still to
     * be inherited from its original invoice; buyer rules for standard documents then apply later.
     */
    InvoiceDraft validate(InvoiceRequest request, InvoiceKind kind, DocumentType documentType, FieldErrors errors) {
        errors.text("invoice_number", request.invoiceNumber(), false, 127);
        LocalDateTime now = LocalDateTime.now(clock.withZone(RIYADH)).truncatedTo(ChronoUnit.SECONDS);
        LocalDate issueDate = request.issueDate() != null ? request.issueDate() : now.toLocalDate();
        LocalTime issueTime = request.issueTime() != null ? request.issueTime().truncatedTo(ChronoUnit.SECONDS) : now.toLocalTime();
        if (issueDate.atTime(issueTime).isAfter(now.plusMinutes(5))) {
            errors.add(request.issueTime() != null ? "issue_time" : "issue_date", "must not be in the future (Asia/Riyadh time)");
        }
        String currency = request.currency() == null ? "SAR" : request.currency().trim().toUpperCase(Locale.ROOT);
        if (!isCurrency(currency)) {
            errors.add("currency", "must be an ISO 4217 currency code such as SAR");
        } else if (!SUPPORTED_CURRENCY.equals(currency)) {
            errors.add("currency", "only SAR documents are supported so far");
        }
        if (request.paymentMeans() != null) {
            errors.check("payment_means", request.paymentMeans(), p -> PAYMENT_MEANS.matcher(p).matches(),
                    "must be a UNTDID 4461 payment means code, e.g. 10 cash, 30 credit transfer, 48 bank card");
        }
        errors.text("note", request.note(), false, 1000);
        Buyer buyer = buyer(request.buyer(), kind, errors);
        List<InvoiceLineDraft> lines = lines(request.lines(), errors);
        boolean toCitizen = lines.stream().map(InvoiceLineDraft::exemptionReasonCode)
                .anyMatch(code -> code != null && CITIZEN_SUPPLIES.contains(code));
        if (toCitizen && (buyer == null || buyer.name() == null || buyer.nationalId() == null)) {
            errors.add("buyer", "private education or healthcare to a citizen needs the buyer's name and national_id (BR-KSA-25/49)");
        }
        return new InvoiceDraft(blankToNull(request.invoiceNumber()), issueDate, issueTime, currency, buyer, lines,
                request.paymentMeans(), blankToNull(request.note()), null);
    }

    /** Standard documents need a full buyer (BR-KSA-42, BR-KSA-10, BR-KSA-63). */
    void requireStandardBuyer(BuyerRequest buyer, FieldErrors errors) {
        if (buyer == null) {
            errors.add("buyer", "is required for standard invoices and notes");
            return;
        }
        if (buyer.name() == null || buyer.name().isBlank()) {
            errors.add("buyer.name", "is required for standard invoices and notes");
        }
        if (buyer.address() == null) {
            errors.add("buyer.address", "is required for standard invoices and notes");
        }
    }

    private Buyer buyer(BuyerRequest buyer, InvoiceKind kind, FieldErrors errors) {
        if (kind == InvoiceKind.STANDARD) {
            requireStandardBuyer(buyer, errors);
        }
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
        if (errors.text("buyer.national_id", buyer.nationalId(), false, 10)) {
            errors.check("buyer.national_id", buyer.nationalId(), id -> NATIONAL_ID.matcher(id).matches(), "must be 10 digits");
        }
        return new Buyer(blankToNull(buyer.name()), blankToNull(buyer.vatNumber()), blankToNull(buyer.nationalId()),
                buyer.address() == null ? null : buyer.address().toAddress());
    }

    private List<InvoiceLineDraft> lines(List<LineRequest> lines, FieldErrors errors) {
        if (lines == null || lines.isEmpty()) {
            errors.add("lines", "needs at least one line");
            return List.of();
        }
        if (lines.size() > MAX_LINES) {
            errors.add("lines", "must have at most " + MAX_LINES + " lines");
            return List.of();
        }
        List<InvoiceLineDraft> drafts = new ArrayList<>();
        Map<VatCategory, String> reasonByCategory = new EnumMap<>(VatCategory.class);
        for (int i = 0; i < lines.size(); i++) {
            String path = "lines[" + i + "]";
            LineRequest line = lines.get(i);
            if (line == null) {
                errors.add(path, "must be an object");
                continue;
            }
            errors.text(path + ".name", line.name(), true, 1000);
            positive(errors, path + ".quantity", line.quantity(), QUANTITY_SCALE, true);
            positive(errors, path + ".unit_price", line.unitPrice(), AMOUNT_SCALE, false);
            VatCategory category = category(errors, path, line);
            if (line.discount() != null) {
                positive(errors, path + ".discount", line.discount(), AMOUNT_SCALE, false);
                if (line.quantity() != null && line.unitPrice() != null
                        && line.discount().compareTo(line.quantity().multiply(line.unitPrice())) > 0) {
                    errors.add(path + ".discount", "must not exceed quantity × unit_price");
                }
            }
            String code = category == null || !category.needsExemptionReason() ? null : line.exemptionReasonCode();
            if (code != null && reasonByCategory.containsKey(category) && !reasonByCategory.get(category).equals(code)) {
                errors.add(path + ".exemption_reason_code", "one document carries one exemption reason per VAT category; "
                        + "this one already uses " + reasonByCategory.get(category) + " for " + category);
            } else if (code != null) {
                reasonByCategory.put(category, code);
            }
            drafts.add(new InvoiceLineDraft(blankToNull(line.name()), line.quantity(), line.unitPrice(), category,
                    line.vatRate(), blankToNull(line.exemptionReasonCode()), line.discount()));
        }
        return drafts;
    }

    private VatCategory category(FieldErrors errors, String path, LineRequest line) {
        VatCategory category = null;
        if (line.vatCategory() == null) {
            errors.add(path + ".vat_category", "is required: S, Z, E or O");
        } else {
            try {
                category = VatCategory.valueOf(line.vatCategory().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(path + ".vat_category", "must be S (standard), Z (zero rated), E (exempt) or O (out of scope)");
            }
        }
        if (line.vatRate() == null) {
            errors.add(path + ".vat_rate", "is required");
        } else if (category != null && !category.allowsRate(line.vatRate())) {
            errors.add(path + ".vat_rate", category == VatCategory.S ? "must be 15 or 5 for category S" : "must be 0 for category " + category);
        }
        if (category != null) {
            String code = line.exemptionReasonCode();
            if (category.needsExemptionReason()) {
                Set<String> allowed = ZatcaDocumentMapping.exemptionCodes(category);
                if (code == null || !allowed.contains(code)) {
                    errors.add(path + ".exemption_reason_code", "is required for category " + category
                            + " and must be one of " + allowed.stream().sorted().toList());
                }
            } else if (code != null) {
                errors.add(path + ".exemption_reason_code", "is only allowed for categories Z, E and O");
            }
        }
        return category;
    }

    private static void positive(FieldErrors errors, String field, BigDecimal value, int maxScale, boolean strictlyPositive) {
        if (value == null) {
            errors.add(field, "is required");
        } else if (strictlyPositive ? value.signum() <= 0 : value.signum() < 0) {
            errors.add(field, strictlyPositive ? "must be greater than 0" : "must not be negative");
        } else if (value.stripTrailingZeros().scale() > maxScale) {
            errors.add(field, "must have at most " + maxScale + " decimals");
        } else if (value.compareTo(new BigDecimal("1000000000000")) >= 0) {
            errors.add(field, "is too large");
        }
    }

    private static boolean isCurrency(String code) {
        try {
            return code.length() == 3 && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
