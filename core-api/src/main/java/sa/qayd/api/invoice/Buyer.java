package sa.qayd.api.invoice;

import sa.qayd.api.Address;

public record Buyer(String name, String vatNumber, Address address) {
}
