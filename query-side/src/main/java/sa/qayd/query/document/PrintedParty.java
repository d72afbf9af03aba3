package sa.qayd.query.document;

import java.util.List;

/**
 * Seller or buyer as printed.
 *
 * @param vatNumber    null when the party has none (buyers of simplified documents, or identified otherwise)
 * @param idScheme     scheme of {@code cac:PartyIdentification/cbc:ID}, e.g. {@code CRN} or {@code NAT}; null if absent
 * @param addressLines the postal address in reading order, empty when the XML gives none
 */
record PrintedParty(String name, String vatNumber, String idScheme, String idValue, List<String> addressLines) {

    PrintedParty {
        addressLines = List.copyOf(addressLines);
    }
}
