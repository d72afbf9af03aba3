package sa.qayd.app.invoice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The business content of a ZATCA document as comparable lines of text: type and transaction flags,
 * currency, dates, buyer identity, payment means, note, billing reference, allowances and charges,
 * lines, prepayment references, the VAT breakdown with exemption codes, and every total. Left out:
 * what belongs to the issuer or the chain (seller, number, UUID, ICV, PIH, signature, QR), exemption
 * and reason texts (ZATCA's fixed texts vary in the samples), and line VATs (ZATCA allows ±0.01).
 */
final class Facts {
    private static final String[] TOTALS = {"LineExtensionAmount", "TaxExclusiveAmount", "TaxInclusiveAmount",
            "AllowanceTotalAmount", "ChargeTotalAmount", "PrepaidAmount", "PayableRoundingAmount", "PayableAmount"};

    private Facts() {
    }

    static List<String> of(byte[] xml) {
        Ubl invoice = Ubl.parse(xml);
        List<String> facts = new ArrayList<>();
        String currency = invoice.text("cbc:DocumentCurrencyCode");
        facts.add("type " + invoice.text("cbc:InvoiceTypeCode") + " transaction " + invoice.attribute("cbc:InvoiceTypeCode", "name"));
        facts.add("currency " + currency + ", VAT also in " + invoice.text("cbc:TaxCurrencyCode"));
        facts.add("issued " + invoice.text("cbc:IssueDate") + " " + invoice.text("cbc:IssueTime"));
        facts.add("supplied " + invoice.text("cac:Delivery/cbc:ActualDeliveryDate") + " to "
                + invoice.text("cac:Delivery/cbc:LatestDeliveryDate"));
        facts.add("payment means " + invoice.text("cac:PaymentMeans/cbc:PaymentMeansCode"));
        facts.add("note " + invoice.text("cbc:Note"));
        facts.add("billing reference " + invoice.text("cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"));
        Ubl buyer = invoice.at("cac:AccountingCustomerParty/cac:Party");
        if (buyer != null) {
            facts.add("buyer " + buyer.text("cac:PartyLegalEntity/cbc:RegistrationName") + ", VAT "
                    + buyer.text("cac:PartyTaxScheme/cbc:CompanyID") + ", id " + buyer.attribute("cac:PartyIdentification/cbc:ID",
                    "schemeID") + " " + buyer.text("cac:PartyIdentification/cbc:ID") + ", in "
                    + buyer.text("cac:PostalAddress/cac:Country/cbc:IdentificationCode"));
        }
        for (Ubl ac : invoice.all("cac:AllowanceCharge")) {
            facts.add(("true".equals(ac.text("cbc:ChargeIndicator")) ? "charge " : "allowance ") + ac.amount("cbc:Amount")
                    + " code " + ac.text("cbc:AllowanceChargeReasonCode") + " in " + category(ac.at("cac:TaxCategory")));
        }
        for (Ubl line : invoice.all("cac:InvoiceLine")) {
            Ubl prepayment = line.at("cac:DocumentReference");
            if (prepayment == null) {
                facts.add("line " + line.text("cac:Item/cbc:Name") + ": " + quantity(line.decimal("cbc:InvoicedQuantity")) + " "
                        + line.attribute("cbc:InvoicedQuantity", "unitCode") + " at " + line.amount("cac:Price/cbc:PriceAmount")
                        + " = " + line.amount("cbc:LineExtensionAmount") + " in " + category(line.at("cac:Item/cac:ClassifiedTaxCategory")));
            } else {
                Ubl declared = line.at("cac:TaxTotal/cac:TaxSubtotal");
                facts.add("prepayment " + prepayment.text("cbc:ID") + " (" + prepayment.text("cbc:DocumentTypeCode") + ", UUID "
                        + prepayment.text("cbc:UUID") + ") of " + prepayment.text("cbc:IssueDate") + " "
                        + prepayment.text("cbc:IssueTime") + ": " + declared.amount("cbc:TaxableAmount") + " + VAT "
                        + declared.amount("cbc:TaxAmount") + " in " + category(declared.at("cac:TaxCategory"))
                        + ", line " + line.amount("cbc:LineExtensionAmount"));
            }
        }
        for (Ubl taxTotal : invoice.all("cac:TaxTotal")) {
            String amountCurrency = taxTotal.attribute("cbc:TaxAmount", "currencyID");
            facts.add("VAT total " + taxTotal.amount("cbc:TaxAmount") + " " + amountCurrency
                    + (taxTotal.all("cac:TaxSubtotal").isEmpty() ? "" : " with breakdown"));
            for (Ubl subtotal : taxTotal.all("cac:TaxSubtotal")) {
                Ubl category = subtotal.at("cac:TaxCategory");
                facts.add("breakdown " + category(category) + " " + category.text("cbc:TaxExemptionReasonCode") + ": taxable "
                        + subtotal.amount("cbc:TaxableAmount") + ", VAT " + subtotal.amount("cbc:TaxAmount"));
            }
        }
        Ubl totals = invoice.at("cac:LegalMonetaryTotal");
        for (String total : TOTALS) {
            facts.add(total + " " + totals.amount("cbc:" + total) + " " + currency);
        }
        return facts;
    }

    private static String category(Ubl category) {
        return category.text("cbc:ID") + " " + category.amount("cbc:Percent") + " %";
    }

    private static String quantity(BigDecimal quantity) {
        return quantity.signum() == 0 ? "0" : quantity.stripTrailingZeros().toPlainString();
    }
}
