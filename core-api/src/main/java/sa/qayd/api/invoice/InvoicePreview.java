package sa.qayd.api.invoice;

import java.util.UUID;

/**
 * The document an EGS unit would issue next for a draft: its kind, number, the ICV and PIH it would take,
 * and the XML signed with a throwaway key ({@code signedXml}, base64).
 */
public record InvoicePreview(UUID egsUnitId, InvoiceKind kind, String invoiceNumber, long icv, UUID uuid, String previousInvoiceHash,
                             String invoiceHash, String qrCode, String signedXml, InvoiceAmounts amounts) {
}
