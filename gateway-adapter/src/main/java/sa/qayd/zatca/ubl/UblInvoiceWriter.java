package sa.qayd.zatca.ubl;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import sa.qayd.zatca.model.BuyerParty;
import sa.qayd.zatca.model.AllowanceCharge;
import sa.qayd.zatca.model.DocumentKind;
import sa.qayd.zatca.model.InvoiceLine;
import sa.qayd.zatca.model.InvoiceToIssue;
import sa.qayd.zatca.model.Period;
import sa.qayd.zatca.model.PostalAddress;
import sa.qayd.zatca.model.PrepaymentDeduction;
import sa.qayd.zatca.model.Seller;
import sa.qayd.zatca.model.TaxCategory;
import sa.qayd.zatca.totals.InvoiceTotals;
import sa.qayd.zatca.totals.LineAmounts;
import sa.qayd.zatca.totals.TaxSubtotal;

/** Writes the UBL 2.1 invoice (element order of the UBL XSD sequence) as {@link DocumentParts}. */
public final class UblInvoiceWriter {

    static final String ROOT_START = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""
            + " xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\""
            + " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\""
            + " xmlns:ext=\"urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2\">";
    private static final byte[] ROOT_START_BYTES = ROOT_START.getBytes(StandardCharsets.UTF_8);
    private static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private UblInvoiceWriter() {
    }

    /** {@code cbc:IssueTime} text; QR tag 3 is {@code IssueDate + "T" + IssueTime}. */
    public static String issueTime(InvoiceToIssue invoice) {
        return TIME.format(invoice.issuedAt());
    }

    public static DocumentParts write(InvoiceToIssue invoice, InvoiceTotals totals) {
        XmlBuilder middle = new XmlBuilder(1, 2048, invoice.currency());
        header(middle, invoice);
        middle.indentForNext();

        int lineCount = invoice.lines().size() + invoice.prepayments().size();
        XmlBuilder tail = new XmlBuilder(1, 4096 + 1024 * lineCount, invoice.currency());
        supplier(tail, invoice.seller());
        customer(tail, invoice.buyer());
        if (invoice.supplyDate() != null) {
            tail.start("cac:Delivery").leaf("cbc:ActualDeliveryDate", invoice.supplyDate().toString())
                    .optionalLeaf("cbc:LatestDeliveryDate", text(invoice.supplyEndDate())).end("cac:Delivery");
        }
        tail.start("cac:PaymentMeans").leaf("cbc:PaymentMeansCode", invoice.paymentMeansCode())
                .optionalLeaf("cbc:InstructionNote", invoice.reason()).end("cac:PaymentMeans");
        for (AllowanceCharge ac : invoice.allowanceCharges()) {
            documentAllowanceCharge(tail, ac);
        }
        if (invoice.foreignCurrency()) {
            tail.start("cac:TaxExchangeRate")
                    .leaf("cbc:SourceCurrencyCode", invoice.currency())
                    .leaf("cbc:TargetCurrencyCode", InvoiceToIssue.SAR)
                    .leaf("cbc:CalculationRate", invoice.exchangeRate().toPlainString())
                    .leaf("cbc:MathematicOperatorCode", "Multiply")
                    .end("cac:TaxExchangeRate");
        }
        taxTotals(tail, totals);
        monetaryTotal(tail, totals);
        List<InvoiceLine> lines = invoice.lines();
        for (int i = 0; i < lines.size(); i++) {
            line(tail, i + 1, lines.get(i), totals.lines().get(i));
        }
        List<PrepaymentDeduction> prepayments = invoice.prepayments();
        for (int i = 0; i < prepayments.size(); i++) {
            prepaymentLine(tail, lines.size() + i + 1, prepayments.get(i), totals.prepayments().get(i));
        }
        tail.raw("\n</Invoice>");
        return new DocumentParts(ROOT_START_BYTES, bytes(middle), bytes(tail));
    }

    private static void header(XmlBuilder x, InvoiceToIssue invoice) {
        x.leaf("cbc:ProfileID", "reporting:1.0")
                .leaf("cbc:ID", invoice.invoiceNumber())
                .leaf("cbc:UUID", invoice.uuid().toString())
                .leaf("cbc:IssueDate", invoice.issuedAt().toLocalDate().toString())
                .leaf("cbc:IssueTime", issueTime(invoice))
                .leaf("cbc:InvoiceTypeCode", "name", invoice.flags().nameCode(invoice.kind()), invoice.kind().typeCode())
                .optionalLeaf("cbc:Note", invoice.note())
                .leaf("cbc:DocumentCurrencyCode", invoice.currency())
                .leaf("cbc:TaxCurrencyCode", InvoiceToIssue.SAR);
        Period period = invoice.invoicePeriod();
        if (period != null) {
            x.start("cac:InvoicePeriod").optionalLeaf("cbc:StartDate", text(period.start()))
                    .optionalLeaf("cbc:EndDate", text(period.end())).end("cac:InvoicePeriod");
        }
        if (invoice.purchaseOrderReference() != null) {
            x.start("cac:OrderReference").leaf("cbc:ID", invoice.purchaseOrderReference()).end("cac:OrderReference");
        }
        if (invoice.billingReference() != null) {
            x.start("cac:BillingReference").start("cac:InvoiceDocumentReference")
                    .leaf("cbc:ID", invoice.billingReference())
                    .end("cac:InvoiceDocumentReference").end("cac:BillingReference");
        }
        if (invoice.contractReference() != null) {
            x.start("cac:ContractDocumentReference").leaf("cbc:ID", invoice.contractReference())
                    .end("cac:ContractDocumentReference");
        }
        x.start("cac:AdditionalDocumentReference").leaf("cbc:ID", "ICV").leaf("cbc:UUID", Long.toString(invoice.icv()))
                .end("cac:AdditionalDocumentReference");
        x.start("cac:AdditionalDocumentReference").leaf("cbc:ID", "PIH").start("cac:Attachment")
                .leaf("cbc:EmbeddedDocumentBinaryObject", "mimeCode", "text/plain", invoice.previousInvoiceHash())
                .end("cac:Attachment").end("cac:AdditionalDocumentReference");
    }

    private static void supplier(XmlBuilder x, Seller seller) {
        x.start("cac:AccountingSupplierParty").start("cac:Party");
        x.start("cac:PartyIdentification").leaf("cbc:ID", "schemeID", seller.id().scheme(), seller.id().value())
                .end("cac:PartyIdentification");
        address(x, seller.address());
        vatScheme(x, seller.vatNumber());
        legalEntity(x, seller.registrationName());
        x.end("cac:Party").end("cac:AccountingSupplierParty");
    }

    private static void customer(XmlBuilder x, BuyerParty buyer) {
        x.start("cac:AccountingCustomerParty");
        if (buyer != null) {
            x.start("cac:Party");
            if (buyer.otherId() != null) {
                x.start("cac:PartyIdentification").leaf("cbc:ID", "schemeID", buyer.otherId().scheme(), buyer.otherId().value())
                        .end("cac:PartyIdentification");
            }
            if (buyer.address() != null) {
                address(x, buyer.address());
            }
            vatScheme(x, buyer.vatNumber());
            if (buyer.registrationName() != null) {
                legalEntity(x, buyer.registrationName());
            }
            x.end("cac:Party");
        }
        x.end("cac:AccountingCustomerParty");
    }

    private static void address(XmlBuilder x, PostalAddress a) {
        x.start("cac:PostalAddress")
                .leaf("cbc:StreetName", a.street())
                .optionalLeaf("cbc:BuildingNumber", a.buildingNumber())
                .optionalLeaf("cbc:PlotIdentification", a.additionalNumber())
                .optionalLeaf("cbc:CitySubdivisionName", a.district())
                .leaf("cbc:CityName", a.city())
                .optionalLeaf("cbc:PostalZone", a.postalZone())
                .start("cac:Country").leaf("cbc:IdentificationCode", a.countryCode()).end("cac:Country")
                .end("cac:PostalAddress");
    }

    /** A party without VAT number still declares the VAT scheme, as the SDK samples do. */
    private static void vatScheme(XmlBuilder x, String vatNumber) {
        x.start("cac:PartyTaxScheme").optionalLeaf("cbc:CompanyID", vatNumber)
                .start("cac:TaxScheme").leaf("cbc:ID", "VAT").end("cac:TaxScheme")
                .end("cac:PartyTaxScheme");
    }

    private static void legalEntity(XmlBuilder x, String name) {
        x.start("cac:PartyLegalEntity").leaf("cbc:RegistrationName", name).end("cac:PartyLegalEntity");
    }

    private static void documentAllowanceCharge(XmlBuilder x, AllowanceCharge ac) {
        x.start("cac:AllowanceCharge")
                .leaf("cbc:ChargeIndicator", Boolean.toString(ac.charge()))
                .optionalLeaf("cbc:AllowanceChargeReasonCode", ac.reasonCode())
                .leaf("cbc:AllowanceChargeReason", ac.reason())
                .amount("cbc:Amount", ac.amount().setScale(2));
        taxCategory(x, "cac:TaxCategory", ac.tax(), false);
        x.end("cac:AllowanceCharge");
    }

    private static void taxTotals(XmlBuilder x, InvoiceTotals totals) {
        // BT-111, the VAT in the accounting currency, is always in SAR (BR-KSA-EN16931-02, BR-KSA-CL-02)
        x.start("cac:TaxTotal").amount("cbc:TaxAmount", InvoiceToIssue.SAR, totals.taxTotalSar()).end("cac:TaxTotal");
        x.start("cac:TaxTotal").amount("cbc:TaxAmount", totals.taxTotal());
        for (TaxSubtotal subtotal : totals.subtotals()) {
            taxSubtotal(x, subtotal);
        }
        x.end("cac:TaxTotal");
    }

    private static void taxSubtotal(XmlBuilder x, TaxSubtotal subtotal) {
        x.start("cac:TaxSubtotal")
                .amount("cbc:TaxableAmount", subtotal.taxable())
                .amount("cbc:TaxAmount", subtotal.tax());
        taxCategory(x, "cac:TaxCategory", subtotal.category(), true);
        x.end("cac:TaxSubtotal");
    }

    private static void taxCategory(XmlBuilder x, String element, TaxCategory category, boolean withExemption) {
        x.start(element).leaf("cbc:ID", category.category().name()).leaf("cbc:Percent", category.rate().toPlainString());
        if (withExemption && category.exemptionCode() != null) {
            x.leaf("cbc:TaxExemptionReasonCode", category.exemptionCode()).leaf("cbc:TaxExemptionReason", category.exemptionReason());
        }
        x.start("cac:TaxScheme").leaf("cbc:ID", "VAT").end("cac:TaxScheme").end(element);
    }

    private static void monetaryTotal(XmlBuilder x, InvoiceTotals totals) {
        x.start("cac:LegalMonetaryTotal")
                .amount("cbc:LineExtensionAmount", totals.lineExtension())
                .amount("cbc:TaxExclusiveAmount", totals.taxExclusive())
                .amount("cbc:TaxInclusiveAmount", totals.taxInclusive())
                .amount("cbc:AllowanceTotalAmount", totals.allowanceTotal());
        if (totals.chargeTotal().signum() != 0) {
            x.amount("cbc:ChargeTotalAmount", totals.chargeTotal());
        }
        x.amount("cbc:PrepaidAmount", totals.prepaid());
        if (totals.payableRounding().signum() != 0) {
            x.amount("cbc:PayableRoundingAmount", totals.payableRounding());
        }
        x.amount("cbc:PayableAmount", totals.payable()).end("cac:LegalMonetaryTotal");
    }

    private static void line(XmlBuilder x, int id, InvoiceLine line, LineAmounts amounts) {
        x.start("cac:InvoiceLine")
                .leaf("cbc:ID", Integer.toString(id))
                .leaf("cbc:InvoicedQuantity", "unitCode", line.unitCode(), line.quantity().toPlainString())
                .amount("cbc:LineExtensionAmount", amounts.net());
        if (line.allowance().signum() > 0) {
            x.start("cac:AllowanceCharge")
                    .leaf("cbc:ChargeIndicator", "false")
                    .leaf("cbc:AllowanceChargeReason", line.allowanceReason())
                    .amount("cbc:Amount", line.allowance().setScale(2))
                    .end("cac:AllowanceCharge");
        }
        x.start("cac:TaxTotal").amount("cbc:TaxAmount", amounts.vat()).amount("cbc:RoundingAmount", amounts.withVat())
                .end("cac:TaxTotal");
        x.start("cac:Item").leaf("cbc:Name", line.name());
        taxCategory(x, "cac:ClassifiedTaxCategory", line.tax(), false);
        x.end("cac:Item");
        x.start("cac:Price").amount("cbc:PriceAmount", line.unitPrice().setScale(Math.max(2, line.unitPrice().scale())))
                .end("cac:Price");
        x.end("cac:InvoiceLine");
    }

    /**
     * A prepayment deduction as ZATCA wants it (BR-KSA-73…82): an extra line whose amounts are all
     * zero, referring to the prepayment invoice, with the VAT that invoice declared as its subtotal.
     */
    private static void prepaymentLine(XmlBuilder x, int id, PrepaymentDeduction prepayment, TaxSubtotal declared) {
        x.start("cac:InvoiceLine")
                .leaf("cbc:ID", Integer.toString(id))
                // "0" itself breaks BR-22, which reads that text as no quantity at all
                .leaf("cbc:InvoicedQuantity", "unitCode", InvoiceLine.DEFAULT_UNIT, ZERO.toPlainString())
                .amount("cbc:LineExtensionAmount", ZERO)
                .start("cac:DocumentReference")
                .leaf("cbc:ID", prepayment.invoiceNumber())
                .optionalLeaf("cbc:UUID", prepayment.uuid() == null ? null : prepayment.uuid().toString())
                .leaf("cbc:IssueDate", prepayment.issueDate().toString())
                .leaf("cbc:IssueTime", TIME.format(prepayment.issueTime()))
                .leaf("cbc:DocumentTypeCode", DocumentKind.STANDARD_PREPAYMENT_INVOICE.typeCode())
                .end("cac:DocumentReference");
        x.start("cac:TaxTotal").amount("cbc:TaxAmount", ZERO).amount("cbc:RoundingAmount", ZERO);
        taxSubtotal(x, declared);
        x.end("cac:TaxTotal");
        x.start("cac:Item").leaf("cbc:Name", prepayment.name());
        taxCategory(x, "cac:ClassifiedTaxCategory", prepayment.tax(), false);
        x.end("cac:Item");
        x.start("cac:Price").amount("cbc:PriceAmount", ZERO).end("cac:Price");
        x.end("cac:InvoiceLine");
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static byte[] bytes(XmlBuilder x) {
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }
}
