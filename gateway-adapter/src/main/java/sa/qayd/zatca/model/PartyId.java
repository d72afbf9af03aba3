package sa.qayd.zatca.model;

/** An identifier other than the VAT number, e.g. CRN for the seller or NAT for a citizen buyer. */
public record PartyId(String scheme, String value) {

    public PartyId {
        Text.matching("party id scheme", scheme, "CRN|MOM|MLS|SAG|OTH|700|TIN|NAT|GCC|IQA|PAS");
        Text.matching("party id (alphanumeric, BR-KSA-08/14)", value, "[A-Za-z0-9]{1,1000}");
    }
}
