package sa.qayd.zatca.model;

import sa.qayd.api.invoice.VatCategory;

/**
 * ZATCA's exemption reason codes with the exact English texts the KSA schematron compares against
 * (BR-KSA-CL-04; the schematron strips spaces and checks code + text).
 */
public enum Exemption {
    FINANCIAL_SERVICES("VATEX-SA-29", VatCategory.E, "Financial services mentioned in Article 29 of the VAT Regulations"),
    LIFE_INSURANCE("VATEX-SA-29-7", VatCategory.E, "Life insurance services mentioned in Article 29 of the VAT Regulations"),
    REAL_ESTATE("VATEX-SA-30", VatCategory.E, "Real estate transactions mentioned in Article 30 of the VAT Regulations"),
    EXPORT_OF_GOODS("VATEX-SA-32", VatCategory.Z, "Export of goods"),
    EXPORT_OF_SERVICES("VATEX-SA-33", VatCategory.Z, "Export of services"),
    INTERNATIONAL_TRANSPORT_OF_GOODS("VATEX-SA-34-1", VatCategory.Z, "The international transport of Goods"),
    INTERNATIONAL_TRANSPORT_OF_PASSENGERS("VATEX-SA-34-2", VatCategory.Z, "international transport of passengers"),
    PASSENGER_TRANSPORT_SERVICES("VATEX-SA-34-3", VatCategory.Z,
            "services directly connected and incidental to a Supply of international passenger transport"),
    QUALIFYING_MEANS_OF_TRANSPORT("VATEX-SA-34-4", VatCategory.Z, "Supply of a qualifying means of transport"),
    TRANSPORT_RELATED_SERVICES("VATEX-SA-34-5", VatCategory.Z,
            "Any services relating to Goods or passenger transportation, as defined in article twenty five of these Regulations"),
    MEDICINES("VATEX-SA-35", VatCategory.Z, "Medicines and medical equipment"),
    QUALIFYING_METALS("VATEX-SA-36", VatCategory.Z, "Qualifying metals"),
    PRIVATE_EDUCATION("VATEX-SA-EDU", VatCategory.Z, "Private education to citizen"),
    PRIVATE_HEALTHCARE("VATEX-SA-HEA", VatCategory.Z, "Private healthcare to citizen"),
    MILITARY_GOODS("VATEX-SA-MLTRY", VatCategory.Z, "supply of qualified military goods");

    private final String code;
    private final VatCategory category;
    private final String text;

    Exemption(String code, VatCategory category, String text) {
        this.code = code;
        this.category = category;
        this.text = text;
    }

    public String code() {
        return code;
    }

    public VatCategory category() {
        return category;
    }

    public String text() {
        return text;
    }

    /** EDU and HEA need the buyer's name and national ID (BR-KSA-25, BR-KSA-49). */
    public boolean needsCitizenBuyer() {
        return this == PRIVATE_EDUCATION || this == PRIVATE_HEALTHCARE;
    }
}
