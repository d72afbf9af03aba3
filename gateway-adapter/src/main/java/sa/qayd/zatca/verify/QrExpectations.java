package sa.qayd.zatca.verify;

import org.w3c.dom.Element;

/** What the QR tags 1–5 must say according to the document itself. */
record QrExpectations(String sellerName, String vatNumber, String timestamp, String totalWithVat, String amountDue, String vatTotal,
                      boolean simplified) {

    static QrExpectations read(Element invoice) {
        Element seller = Dom.path(invoice, "cac:AccountingSupplierParty", "cac:Party");
        String date = Dom.text(invoice, "cbc:IssueDate");
        String time = Dom.text(invoice, "cbc:IssueTime");
        Element type = Dom.path(invoice, "cbc:InvoiceTypeCode");
        return new QrExpectations(
                Dom.text(seller, "cac:PartyLegalEntity", "cbc:RegistrationName"),
                Dom.text(seller, "cac:PartyTaxScheme", "cbc:CompanyID"),
                date == null || time == null ? null : date + "T" + time,
                Dom.text(invoice, "cac:LegalMonetaryTotal", "cbc:TaxInclusiveAmount"),
                Dom.text(invoice, "cac:LegalMonetaryTotal", "cbc:PayableAmount"),
                Dom.text(invoice, "cac:TaxTotal", "cbc:TaxAmount"),
                type != null && type.getAttribute("name").startsWith("02"));
    }
}
