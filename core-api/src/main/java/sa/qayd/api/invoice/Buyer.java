package sa.qayd.api.invoice;

import sa.qayd.api.Address;

/** {@code nationalId} is the buyer's Saudi national id, needed for private education/healthcare to citizens. */
public record Buyer(String name, String vatNumber, String nationalId, Address address) {
}
