package sa.qayd.zatca.model;

/**
 * The customer. For standard documents name and address are mandatory and either a VAT number or
 * another id; for simplified documents every field is optional.
 *
 * @param vatNumber may be null; then {@code otherId} identifies a standard-document buyer
 */
public record BuyerParty(String registrationName, String vatNumber, PartyId otherId, PostalAddress address) {

    public BuyerParty {
        Text.optional("buyer name", registrationName, 1000);
        if (vatNumber != null) {
            Text.matching("buyer VAT number", vatNumber, Seller.VAT_NUMBER_PATTERN);
        }
    }

    void checkFor(DocumentKind kind) {
        if (!kind.simplified()) {
            if (registrationName == null) {
                throw new IllegalArgumentException("a standard document needs the buyer's name (BR-KSA-42)");
            }
            if (address == null) {
                throw new IllegalArgumentException("a standard document needs the buyer's address (BR-KSA-10)");
            }
            if (vatNumber == null && otherId == null) {
                throw new IllegalArgumentException("a standard document needs the buyer's VAT number or another id (BR-KSA-14)");
            }
        }
    }
}
