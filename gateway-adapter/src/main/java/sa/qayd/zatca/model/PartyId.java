package sa.qayd.zatca.model;

/** An identifier other than the VAT number, e.g. CRN for the seller or NAT for a citizen buyer. */
public record PartyId(String scheme, String value) {

    public PartyId {
        Text.matching("party id scheme", scheme, "CRN|MOM|MLS|SAG|OTH|700|TIN|NAT|GCC|IQA|PAS");
        Text.check("party id", value, 1000);
    }
}
