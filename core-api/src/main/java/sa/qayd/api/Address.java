package sa.qayd.api;

/**
 * A postal address as ZATCA wants it (Saudi national address fields). {@code country} is an ISO
 * 3166-1 alpha-2 code; building number and postal code are mandatory only in Saudi Arabia.
 */
public record Address(
        String street,
        String buildingNumber,
        String additionalNumber,
        String district,
        String city,
        String postalCode,
        String country) {
}
