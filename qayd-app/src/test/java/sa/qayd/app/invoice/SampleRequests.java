package sa.qayd.app.invoice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import sa.qayd.app.Api;

/**
 * Maps a ZATCA document to the API request that describes the same business content, the way an
 * integrator maps their ERP's invoice: the endpoint follows the type code and the KSA-2 subtype.
 */
final class SampleRequests {
    /** SAR per unit when a document in another currency states no VAT from which to tell the rate. */
    private static final BigDecimal DEFAULT_RATE = new BigDecimal("3.75");

    /** The endpoint under /v1/invoices/ and the body. */
    record SampleRequest(String endpoint, ObjectNode body) {
    }

    private SampleRequests() {
    }

    static SampleRequest of(byte[] xml, String invoiceNumber) {
        Ubl invoice = Ubl.parse(xml);
        String typeCode = invoice.text("cbc:InvoiceTypeCode");
        String name = invoice.attribute("cbc:InvoiceTypeCode", "name");
        String kind = name.startsWith("01") ? "standard" : "simplified";
        ObjectNode body = Api.json("invoice_number", invoiceNumber, "issue_date", invoice.text("cbc:IssueDate"),
                "issue_time", invoice.text("cbc:IssueTime"), "currency", invoice.text("cbc:DocumentCurrencyCode"),
                "payment_means", invoice.text("cac:PaymentMeans/cbc:PaymentMeansCode"));
        body.set("transaction", Api.json("third_party", name.charAt(2) == '1', "nominal", name.charAt(3) == '1',
                "export", name.charAt(4) == '1', "summary", name.charAt(5) == '1', "self_billed", name.charAt(6) == '1'));
        optional(body, "supply_date", invoice.text("cac:Delivery/cbc:ActualDeliveryDate"));
        optional(body, "supply_end_date", invoice.text("cac:Delivery/cbc:LatestDeliveryDate"));
        optional(body, "note", invoice.text("cbc:Note"));
        BigDecimal rounding = invoice.decimal("cac:LegalMonetaryTotal/cbc:PayableRoundingAmount");
        if (rounding != null && rounding.signum() != 0) {
            body.put("payable_rounding_amount", rounding.toPlainString());
        }
        if (!"SAR".equals(invoice.text("cbc:DocumentCurrencyCode"))) {
            body.put("exchange_rate", exchangeRate(invoice).toPlainString());
        }
        Map<String, Ubl> breakdown = breakdown(invoice);
        buyer(invoice, body);
        ArrayNode lines = body.putArray("lines");
        ArrayNode prepayments = body.putArray("prepayments");
        for (Ubl line : invoice.all("cac:InvoiceLine")) {
            Ubl reference = line.at("cac:DocumentReference");
            if (reference == null) {
                ObjectNode request = Api.json("name", line.text("cac:Item/cbc:Name"),
                        "quantity", line.text("cbc:InvoicedQuantity"),
                        "unit_code", line.attribute("cbc:InvoicedQuantity", "unitCode"),
                        "unit_price", line.text("cac:Price/cbc:PriceAmount"));
                category(request, line.at("cac:Item/cac:ClassifiedTaxCategory"), breakdown);
                lines.add(request);
            } else {
                Ubl declared = line.at("cac:TaxTotal/cac:TaxSubtotal");
                ObjectNode request = Api.json("invoice_number", reference.text("cbc:ID"), "uuid", reference.text("cbc:UUID"),
                        "issue_date", reference.text("cbc:IssueDate"), "issue_time", reference.text("cbc:IssueTime"),
                        "name", line.text("cac:Item/cbc:Name"), "taxable_amount", declared.text("cbc:TaxableAmount"));
                category(request, declared.at("cac:TaxCategory"), Map.of());
                prepayments.add(request);
            }
        }
        ArrayNode allowances = body.putArray("allowances");
        ArrayNode charges = body.putArray("charges");
        for (Ubl ac : invoice.all("cac:AllowanceCharge")) {
            boolean charge = "true".equals(ac.text("cbc:ChargeIndicator"));
            String reason = ac.text("cbc:AllowanceChargeReason");
            ObjectNode request = Api.json("amount", ac.text("cbc:Amount"),
                    "reason", reason != null ? reason : charge ? "Charge" : "Advance payment discount");
            optional(request, "reason_code", ac.text("cbc:AllowanceChargeReasonCode"));
            category(request, ac.at("cac:TaxCategory"), breakdown);
            (charge ? charges : allowances).add(request);
        }
        String endpoint = switch (typeCode) {
            case "381" -> "credit";
            case "383" -> "debit";
            case "386" -> "prepayment";
            default -> kind;
        };
        if (!endpoint.equals(kind)) {
            body.put("invoice_type", kind);
        }
        optional(body, "billing_reference", invoice.text("cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"));
        optional(body, "reason", invoice.text("cac:PaymentMeans/cbc:InstructionNote"));
        return new SampleRequest(endpoint, body);
    }

    /** What the document's VAT in SAR says one unit of its currency is worth. */
    private static BigDecimal exchangeRate(Ubl invoice) {
        BigDecimal inSar = null;
        BigDecimal inCurrency = null;
        for (Ubl taxTotal : invoice.all("cac:TaxTotal")) {
            if ("SAR".equals(taxTotal.attribute("cbc:TaxAmount", "currencyID"))) {
                inSar = taxTotal.decimal("cbc:TaxAmount");
            } else {
                inCurrency = taxTotal.decimal("cbc:TaxAmount");
            }
        }
        return inSar == null || inCurrency == null || inCurrency.signum() == 0 ? DEFAULT_RATE
                : inSar.divide(inCurrency, 6, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** The subtotals by category, which carry the exemption codes and out-of-scope texts the lines leave out. */
    private static Map<String, Ubl> breakdown(Ubl invoice) {
        Map<String, Ubl> categories = new HashMap<>();
        for (Ubl taxTotal : invoice.all("cac:TaxTotal")) {
            for (Ubl subtotal : taxTotal.all("cac:TaxSubtotal")) {
                categories.put(subtotal.text("cac:TaxCategory/cbc:ID"), subtotal.at("cac:TaxCategory"));
            }
        }
        return categories;
    }

    private static void category(ObjectNode request, Ubl category, Map<String, Ubl> breakdown) {
        String id = category.text("cbc:ID");
        request.put("vat_category", id).put("vat_rate", category.text("cbc:Percent"));
        Ubl withReason = category.text("cbc:TaxExemptionReasonCode") != null ? category : breakdown.get(id);
        if (!"S".equals(id) && withReason != null) {
            request.put("exemption_reason_code", withReason.text("cbc:TaxExemptionReasonCode"));
            if ("O".equals(id)) {
                request.put("exemption_reason", withReason.text("cbc:TaxExemptionReason"));
            }
        }
    }

    private static void buyer(Ubl invoice, ObjectNode body) {
        Ubl party = invoice.at("cac:AccountingCustomerParty/cac:Party");
        if (party == null) {
            return;
        }
        ObjectNode buyer = body.putObject("buyer");
        optional(buyer, "name", party.text("cac:PartyLegalEntity/cbc:RegistrationName"));
        optional(buyer, "vat_number", party.text("cac:PartyTaxScheme/cbc:CompanyID"));
        if (party.at("cac:PartyIdentification/cbc:ID") != null) {
            buyer.set("identification", Api.json("scheme", party.attribute("cac:PartyIdentification/cbc:ID", "schemeID"),
                    "value", party.text("cac:PartyIdentification/cbc:ID")));
        }
        Ubl address = party.at("cac:PostalAddress");
        if (address != null) {
            ObjectNode request = buyer.putObject("address");
            optional(request, "street", address.text("cbc:StreetName"));
            optional(request, "building_number", address.text("cbc:BuildingNumber"));
            optional(request, "additional_number", address.text("cbc:PlotIdentification"));
            optional(request, "district", address.text("cbc:CitySubdivisionName"));
            optional(request, "city", address.text("cbc:CityName"));
            optional(request, "postal_code", address.text("cbc:PostalZone"));
            optional(request, "country", address.text("cac:Country/cbc:IdentificationCode"));
        }
    }

    private static void optional(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
