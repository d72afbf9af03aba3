package sa.qayd.zatca.model;

/** An identifier other than the VAT number, e.g. CRN for the seller or NAT for a citizen buyer. */
public record PartyId(String scheme, String value) {

    public PartyId {
        if (scheme == null || !CodeLists.BUYER_ID_SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("party id scheme must be one of " + CodeLists.BUYER_ID_SCHEMES + ", got " + scheme);
        }
        Text.matching("party id (alphanumeric, BR-KSA-08/14)", value, "[A-Za-z0-9]{1,1000}");
    }
}
