package sa.qayd.api.invoice;

import sa.qayd.api.Address;

/**
 * The customer.
 *
 * @param nationalId     only in drafts stored before {@code identification} existed: the buyer's Saudi
 *                       national id, which then reads back as a NAT identification
 * @param identification the buyer's id other than the VAT number (BT-46), e.g. NAT for a citizen,
 *                       CRN for a company without VAT number, OTH for a foreign buyer
 */
public record Buyer(String name, String vatNumber, String nationalId, Address address, Identification identification) {

    public static final String NATIONAL_ID_SCHEME = "NAT";

    public Buyer {
        if (identification == null && nationalId != null) {
            identification = new Identification(NATIONAL_ID_SCHEME, nationalId);
        }
    }

    public Buyer(String name, String vatNumber, Address address, Identification identification) {
        this(name, vatNumber, null, address, identification);
    }

    /** An id of the buyer in one of ZATCA's schemes (TIN, CRN, MOM, MLS, 700, SAG, NAT, GCC, IQA, PAS, OTH). */
    public record Identification(String scheme, String value) {
    }
}
