package sa.qayd.query.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import sa.qayd.zatca.hash.SecureXml;
import sa.qayd.zatca.model.DocumentKind;

/** Reads what to print from a signed UBL 2.1 invoice, credit note or debit note. */
final class UblInvoiceReader {

    private static final String SAR = "SAR";
    private static final String INVOICE_NAMESPACE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    /** KSA-2 subtype: the name attribute of InvoiceTypeCode starts with 01 (standard) or 02 (simplified). */
    private static final String SIMPLIFIED_SUBTYPE = "02";
    /** A line that deducts a prepayment refers to its prepayment invoice (KSA-26). */
    private static final String PREPAYMENT_REFERENCE = "cac:DocumentReference";

    private UblInvoiceReader() {
    }

    static PrintedInvoice read(byte[] xml) {
        Document document;
        try {
            document = SecureXml.parse(xml);
        } catch (SAXException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
        if (!INVOICE_NAMESPACE.equals(document.getDocumentElement().getNamespaceURI())) {
            throw new IllegalArgumentException("not a UBL 2.1 Invoice document");
        }
        UblNode invoice = new UblNode(document.getDocumentElement());
        String currency = required(invoice, "cbc:DocumentCurrencyCode");
        List<UblNode> lines = invoice.children("cac:InvoiceLine");
        return new PrintedInvoice(
                kind(invoice),
                transactions(invoice),
                required(invoice, "cbc:ID"),
                UUID.fromString(required(invoice, "cbc:UUID")),
                LocalDate.parse(required(invoice, "cbc:IssueDate")),
                LocalTime.parse(required(invoice, "cbc:IssueTime")),
                optionalDate(invoice.text("cac:Delivery/cbc:ActualDeliveryDate")),
                optionalDate(invoice.text("cac:Delivery/cbc:LatestDeliveryDate")),
                period(invoice),
                currency,
                invoice.text("cac:TaxExchangeRate/cbc:CalculationRate"),
                party(invoice.find("cac:AccountingSupplierParty/cac:Party")
                        .orElseThrow(() -> missing("cac:AccountingSupplierParty/cac:Party"))),
                invoice.find("cac:AccountingCustomerParty/cac:Party").map(UblInvoiceReader::party).orElse(null),
                joined(invoice.children("cac:BillingReference").stream()
                        .map(reference -> reference.text("cac:InvoiceDocumentReference/cbc:ID"))),
                joined(invoice.children("cac:PaymentMeans").stream().map(means -> means.text("cbc:InstructionNote"))),
                invoice.text("cac:OrderReference/cbc:ID"),
                joined(invoice.children("cac:ContractDocumentReference").stream().map(reference -> reference.text("cbc:ID"))),
                joined(invoice.children("cbc:Note").stream().map(UblNode::text), "\n"),
                additionalReference(invoice, "ICV", "cbc:UUID"),
                lines.stream().filter(line -> line.find(PREPAYMENT_REFERENCE).isEmpty()).map(UblInvoiceReader::line).toList(),
                invoice.children("cac:AllowanceCharge").stream().map(UblInvoiceReader::allowanceCharge).toList(),
                lines.stream().filter(line -> line.find(PREPAYMENT_REFERENCE).isPresent()).map(UblInvoiceReader::prepayment)
                        .toList(),
                vatBreakdown(invoice, currency),
                totals(invoice, currency),
                additionalReference(invoice, "QR", "cac:Attachment/cbc:EmbeddedDocumentBinaryObject"));
    }

    /** The invoicing period as "start – end", either end possibly open; null without one. */
    private static String period(UblNode invoice) {
        String start = invoice.text("cac:InvoicePeriod/cbc:StartDate");
        String end = invoice.text("cac:InvoicePeriod/cbc:EndDate");
        return start == null && end == null ? null
                : (Objects.requireNonNullElse(start, "") + " – " + Objects.requireNonNullElse(end, "")).strip();
    }

    /** The flags set in positions 3–7 of the KSA-2 code. */
    private static List<PrintedInvoice.Transaction> transactions(UblNode invoice) {
        String name = invoice.find("cbc:InvoiceTypeCode").map(code -> code.attribute("name")).orElse("");
        PrintedInvoice.Transaction[] positions = PrintedInvoice.Transaction.values();
        List<PrintedInvoice.Transaction> set = new ArrayList<>();
        for (int i = 0; i < positions.length && i + 2 < name.length(); i++) {
            if (name.charAt(i + 2) == '1') {
                set.add(positions[i]);
            }
        }
        return set;
    }

    private static PrintedAllowanceCharge allowanceCharge(UblNode allowanceCharge) {
        return new PrintedAllowanceCharge(
                "true".equals(allowanceCharge.text("cbc:ChargeIndicator")),
                allowanceCharge.text("cbc:AllowanceChargeReason"),
                allowanceCharge.text("cbc:AllowanceChargeReasonCode"),
                allowanceCharge.text("cac:TaxCategory/cbc:ID"),
                optionalDecimal(allowanceCharge, "cac:TaxCategory/cbc:Percent"),
                decimal(allowanceCharge, "cbc:Amount"));
    }

    private static PrintedPrepayment prepayment(UblNode line) {
        UblNode reference = line.find(PREPAYMENT_REFERENCE).orElseThrow();
        return new PrintedPrepayment(
                required(reference, "cbc:ID"),
                line.text("cac:Item/cbc:Name"),
                joined(Stream.of(reference.text("cbc:IssueDate"), reference.text("cbc:IssueTime")), " "),
                required(line, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:ID"),
                optionalDecimal(line, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:Percent"),
                decimal(line, "cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount"),
                decimal(line, "cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount"));
    }

    private static DocumentKind kind(UblNode invoice) {
        UblNode typeCode = invoice.find("cbc:InvoiceTypeCode").orElseThrow(() -> missing("cbc:InvoiceTypeCode"));
        String subtype = Objects.requireNonNullElse(typeCode.attribute("name"), "");
        boolean simplified = subtype.startsWith(SIMPLIFIED_SUBTYPE);
        return Arrays.stream(DocumentKind.values())
                .filter(kind -> kind.simplified() == simplified && kind.typeCode().equals(typeCode.text()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown document type " + typeCode.text() + " with subtype " + subtype));
    }

    private static PrintedParty party(UblNode party) {
        UblNode identification = party.find("cac:PartyIdentification/cbc:ID").orElse(null);
        return new PrintedParty(
                party.text("cac:PartyLegalEntity/cbc:RegistrationName"),
                party.text("cac:PartyTaxScheme/cbc:CompanyID"),
                identification == null ? null : identification.attribute("schemeID"),
                identification == null ? null : identification.text(),
                party.find("cac:PostalAddress").map(UblInvoiceReader::addressLines).orElse(List.of()));
    }

    /** Saudi national address order: street and building, district, city and postal code, country. */
    private static List<String> addressLines(UblNode address) {
        List<String> lines = new ArrayList<>();
        addJoined(lines, ", ", address.text("cbc:StreetName"), address.text("cbc:BuildingNumber"),
                address.text("cbc:PlotIdentification"));
        addJoined(lines, ", ", address.text("cbc:AdditionalStreetName"), address.text("cbc:CitySubdivisionName"));
        addJoined(lines, " ", address.text("cbc:CityName"), address.text("cbc:PostalZone"));
        addJoined(lines, ", ", address.text("cbc:CountrySubentity"), address.text("cac:Country/cbc:IdentificationCode"));
        return lines;
    }

    private static void addJoined(List<String> lines, String separator, String... parts) {
        String line = joined(Stream.of(parts), separator);
        if (line != null) {
            lines.add(line);
        }
    }

    private static PrintedLine line(UblNode line) {
        BigDecimal net = decimal(line, "cbc:LineExtensionAmount");
        BigDecimal vat = decimal(line, "cac:TaxTotal/cbc:TaxAmount");
        String total = line.text("cac:TaxTotal/cbc:RoundingAmount");
        return new PrintedLine(
                required(line, "cbc:ID"),
                required(line, "cac:Item/cbc:Name"),
                decimal(line, "cbc:InvoicedQuantity"),
                line.find("cbc:InvoicedQuantity").map(quantity -> quantity.attribute("unitCode")).orElse(null),
                decimal(line, "cac:Price/cbc:PriceAmount"),
                required(line, "cac:Item/cac:ClassifiedTaxCategory/cbc:ID"),
                optionalDecimal(line, "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent"),
                net,
                vat,
                total == null ? net.add(vat) : new BigDecimal(total));
    }

    /** The breakdown is in the TaxTotal that carries subtotals in the document currency (BR-KSA-EN16931-08). */
    private static List<VatBreakdown> vatBreakdown(UblNode invoice, String currency) {
        return invoice.children("cac:TaxTotal").stream()
                .flatMap(taxTotal -> taxTotal.children("cac:TaxSubtotal").stream())
                .filter(subtotal -> subtotal.find("cbc:TaxAmount").map(a -> currency.equals(a.attribute("currencyID"))).orElse(false))
                .map(subtotal -> new VatBreakdown(
                        required(subtotal, "cac:TaxCategory/cbc:ID"),
                        optionalDecimal(subtotal, "cac:TaxCategory/cbc:Percent"),
                        decimal(subtotal, "cbc:TaxableAmount"),
                        decimal(subtotal, "cbc:TaxAmount"),
                        subtotal.text("cac:TaxCategory/cbc:TaxExemptionReasonCode"),
                        subtotal.text("cac:TaxCategory/cbc:TaxExemptionReason")))
                .toList();
    }

    private static DocumentTotals totals(UblNode invoice, String currency) {
        UblNode totals = invoice.find("cac:LegalMonetaryTotal").orElseThrow(() -> missing("cac:LegalMonetaryTotal"));
        BigDecimal vat = taxTotalIn(invoice, currency).orElseThrow(() -> missing("cac:TaxTotal/cbc:TaxAmount in " + currency));
        return new DocumentTotals(
                decimal(totals, "cbc:LineExtensionAmount"),
                optionalDecimal(totals, "cbc:AllowanceTotalAmount"),
                optionalDecimal(totals, "cbc:ChargeTotalAmount"),
                decimal(totals, "cbc:TaxExclusiveAmount"),
                vat,
                SAR.equals(currency) ? null : taxTotalIn(invoice, SAR).orElse(null),
                decimal(totals, "cbc:TaxInclusiveAmount"),
                optionalDecimal(totals, "cbc:PrepaidAmount"),
                optionalDecimal(totals, "cbc:PayableRoundingAmount"),
                decimal(totals, "cbc:PayableAmount"));
    }

    /** The document's VAT total in {@code currency}: BT-110 in the document currency, BT-111 in SAR. */
    private static Optional<BigDecimal> taxTotalIn(UblNode invoice, String currency) {
        return invoice.children("cac:TaxTotal").stream()
                .map(taxTotal -> taxTotal.find("cbc:TaxAmount").orElse(null))
                .filter(amount -> amount != null && currency.equals(amount.attribute("currencyID")))
                .map(amount -> new BigDecimal(amount.text()))
                .findFirst();
    }

    private static String additionalReference(UblNode invoice, String id, String valuePath) {
        return invoice.children("cac:AdditionalDocumentReference").stream()
                .filter(reference -> id.equals(reference.text("cbc:ID")))
                .map(reference -> reference.text(valuePath))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static String joined(Stream<String> parts) {
        return joined(parts, ", ");
    }

    private static String joined(Stream<String> parts, String separator) {
        String joined = parts.filter(Objects::nonNull).collect(Collectors.joining(separator));
        return joined.isEmpty() ? null : joined;
    }

    private static LocalDate optionalDate(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static BigDecimal decimal(UblNode parent, String path) {
        return new BigDecimal(required(parent, path));
    }

    private static BigDecimal optionalDecimal(UblNode parent, String path) {
        String text = parent.text(path);
        return text == null ? BigDecimal.ZERO : new BigDecimal(text);
    }

    private static String required(UblNode parent, String path) {
        String text = parent.text(path);
        if (text == null) {
            throw missing(path);
        }
        return text;
    }

    private static IllegalArgumentException missing(String path) {
        return new IllegalArgumentException("the invoice has no " + path);
    }
}
