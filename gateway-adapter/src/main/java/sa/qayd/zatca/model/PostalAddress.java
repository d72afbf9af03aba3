package sa.qayd.zatca.model;

/**
 * A postal address. Saudi addresses follow the national address rules: 4-digit building number
 * (BR-KSA-37), 5-digit postal code (BR-KSA-66/67), street, district and city (BR-KSA-09/63).
 *
 * @param additionalNumber the national address' additional number ({@code cbc:PlotIdentification}), optional
 */
public record PostalAddress(String street, String buildingNumber, String additionalNumber, String district, String city,
                      String postalZone, String countryCode) {

    public PostalAddress {
        Text.matching("country code", countryCode, "[A-Z]{2}");
        Text.check("street", street, 1000);
        Text.check("city", city, 1000);
        if ("SA".equals(countryCode)) {
            Text.matching("building number", buildingNumber, "\\d{4}");
            Text.matching("postal code", postalZone, "\\d{5}");
            Text.check("district", district, 1000);
            if (additionalNumber != null) {
                Text.matching("additional number", additionalNumber, "\\d{4}");
            }
        } else {
            Text.optional("building number", buildingNumber, 1000);
            Text.optional("postal code", postalZone, 1000);
            Text.optional("district", district, 1000);
            Text.optional("additional number", additionalNumber, 1000);
        }
    }

    public static PostalAddress saudi(String street, String buildingNumber, String district, String city, String postalZone) {
        return new PostalAddress(street, buildingNumber, null, district, city, postalZone, "SA");
    }
}
