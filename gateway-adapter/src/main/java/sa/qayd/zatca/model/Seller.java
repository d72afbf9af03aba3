package sa.qayd.zatca.model;

import java.util.Objects;

/** The supplier (the taxpayer the EGS unit belongs to). */
public record Seller(String registrationName, String vatNumber, PartyId id, PostalAddress address) {

    /** 15 digits, first and last digit 3 (BR-KSA-39/40). */
    public static final String VAT_NUMBER_PATTERN = "3\\d{13}3";

    public Seller {
        Text.check("seller name", registrationName, 1000);
        Text.matching("seller VAT number", vatNumber, VAT_NUMBER_PATTERN);
        Objects.requireNonNull(id, "seller id");
        if (!CodeLists.SELLER_ID_SCHEMES.contains(id.scheme())) {
            throw new IllegalArgumentException("seller id scheme must be one of CRN, MOM, MLS, SAG, OTH, 700 (BR-KSA-08)");
        }
        Objects.requireNonNull(address, "seller address");
        if (!"SA".equals(address.countryCode())) {
            throw new IllegalArgumentException("the seller's address must be in SA");
        }
    }
}
