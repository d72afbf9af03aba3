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
 * @param buyer            null when a simplified document names no buyer
 * @param supplyDate       null when the XML has no {@code cac:Delivery/cbc:ActualDeliveryDate}
 * @param billingReference the original invoice of a credit/debit note, else null
 * @param reason           why a credit/debit note was issued (KSA-10), else null
 * @param icv              the EGS unit's invoice counter value as written, null if absent
 */
record PrintedInvoice(DocumentKind kind, String invoiceNumber, UUID uuid, LocalDate issueDate, LocalTime issueTime,
                             LocalDate supplyDate, String currency, PrintedParty seller, PrintedParty buyer,
                             String billingReference, String reason, String icv, List<PrintedLine> lines,
                             List<VatBreakdown> vatBreakdown, DocumentTotals totals, String qrPayload) {

    PrintedInvoice {
        lines = List.copyOf(lines);
        vatBreakdown = List.copyOf(vatBreakdown);
    }
}
