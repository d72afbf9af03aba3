package sa.qayd.api.egs;

import sa.qayd.api.Address;

/**
 * What ZATCA needs to know about an e-invoice generation solution unit: the fields of its CSR
 * (serial, model, branch, organisation, VAT number, invoice types, short location, industry) and
 * the seller details printed on every invoice it issues.
 */
public record EgsIdentity(
        String serialNumber,
        String solutionName,
        String model,
        String branch,
        String organisationName,
        String vatNumber,
        String commercialRegistrationNumber,
        InvoiceTypes invoiceTypes,
        String location,
        String industry,
        Address address) {

    /** The identity with the account's name and VAT number where the unit did not name its own. */
    public EgsIdentity withDefaults(String defaultOrganisationName, String defaultVatNumber) {
        return new EgsIdentity(serialNumber, solutionName, model, branch,
                organisationName != null ? organisationName : defaultOrganisationName,
                vatNumber != null ? vatNumber : defaultVatNumber,
                commercialRegistrationNumber, invoiceTypes, location, industry, address);
    }
}
