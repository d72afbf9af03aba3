package sa.qayd.command.web;

import java.util.Locale;
import sa.qayd.api.Address;

/** An address in a request body. Saudi addresses must carry the full national-address fields (BR-KSA-09/63). */
public record AddressRequest(
        String street,
        String buildingNumber,
        String additionalNumber,
        String district,
        String city,
        String postalCode,
        String country) {

    public void validate(FieldErrors errors, String path) {
        errors.text(path + ".street", street, true, 1000);
        errors.text(path + ".city", city, true, 1000);
        if (errors.text(path + ".country", country, true, 2)) {
            errors.check(path + ".country", normalisedCountry(), SaudiFormats::isCountryCode,
                    "must be an ISO 3166-1 alpha-2 code such as SA");
        }
        boolean saudi = "SA".equals(normalisedCountry());
        errors.text(path + ".district", district, saudi, 1000);
        if (errors.text(path + ".building_number", buildingNumber, saudi, 4) && saudi) {
            errors.check(path + ".building_number", buildingNumber, SaudiFormats::isBuildingNumber, "must be 4 digits");
        }
        if (errors.text(path + ".postal_code", postalCode, saudi, 10) && saudi) {
            errors.check(path + ".postal_code", postalCode, SaudiFormats::isPostalCode, "must be 5 digits");
        }
        errors.text(path + ".additional_number", additionalNumber, false, 4);
    }

    public Address toAddress() {
        return new Address(street, buildingNumber, additionalNumber, district, city, postalCode, normalisedCountry());
    }

    private String normalisedCountry() {
        return country == null ? null : country.trim().toUpperCase(Locale.ROOT);
    }
}
