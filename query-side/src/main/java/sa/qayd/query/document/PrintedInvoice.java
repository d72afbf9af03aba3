package sa.qayd.query.document;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import sa.qayd.zatca.model.DocumentKind;

/**
 * What the PDF shows, read from the signed UBL invoice. Nothing here is recomputed: the printed
 * document must say exactly what the XML that ZATCA saw says.
 *
 * @param transactions     the transaction flags set in KSA-2 (third party, nominal, export, summary, self-billed)
 * @param buyer            null when a simplified document names no buyer
 * @param supplyDate       null when the XML has no {@code cac:Delivery/cbc:ActualDeliveryDate}
 * @param supplyEndDate    {@code cac:Delivery/cbc:LatestDeliveryDate}, else null
 * @param invoicePeriod    {@code cac:InvoicePeriod} as "start – end", else null
 * @param billingReference the original invoice of a credit/debit note, else null
 * @param reason           why a credit/debit note was issued (KSA-10), else null
 * @param icv              the EGS unit's invoice counter value as written, null if absent
 * @param exchangeRate     {@code cac:TaxExchangeRate/cbc:CalculationRate} of another currency than SAR, else null
 * @param lines            the invoice lines without prepayment deductions
 */
record PrintedInvoice(DocumentKind kind, List<Transaction> transactions, String invoiceNumber, UUID uuid,
                      LocalDate issueDate, LocalTime issueTime, LocalDate supplyDate, LocalDate supplyEndDate,
                      String invoicePeriod, String currency, String exchangeRate, PrintedParty seller, PrintedParty buyer,
                      String billingReference, String reason, String purchaseOrder, String contract, String note, String icv,
                      List<PrintedLine> lines, List<PrintedAllowanceCharge> allowanceCharges,
                      List<PrintedPrepayment> prepayments, List<VatBreakdown> vatBreakdown, DocumentTotals totals,
                      String qrPayload) {

    /** Positions 3–7 of KSA-2, in that order. */
    enum Transaction { THIRD_PARTY, NOMINAL, EXPORT, SUMMARY, SELF_BILLED }

    PrintedInvoice {
        transactions = List.copyOf(transactions);
        lines = List.copyOf(lines);
        allowanceCharges = List.copyOf(allowanceCharges);
        prepayments = List.copyOf(prepayments);
        vatBreakdown = List.copyOf(vatBreakdown);
    }
}
