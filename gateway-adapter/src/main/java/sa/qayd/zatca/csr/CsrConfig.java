package sa.qayd.zatca.csr;

import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The fields of an EGS unit's CSR, named after the SDK's {@code csr-config} properties, validated
 * as the SDK validates them: at most 64 characters, none of {@code ! @ # $ % & * _ <}, no {@code =}
 * in the serial number, VAT number {@code 3…3} (15 digits), invoice type four binary digits, and
 * for a VAT group (11th digit 1) the unit name is the member's 10-digit TIN.
 *
 * @param commonName               CN, the EGS identifier, e.g. {@code TST-886431145-399999999900003}
 * @param serialNumber             SAN SN: {@code 1-<solution>|2-<model>|3-<serial>}
 * @param organizationIdentifier   SAN UID: the VAT number
 * @param organizationUnitName     OU: branch name (TIN of the member for a VAT group)
 * @param organizationName         O: taxpayer name
 * @param countryName              C: {@code SA}
 * @param invoiceType              SAN title: {@code 1000} standard, {@code 0100} simplified, {@code 1100} both
 * @param locationAddress          SAN registeredAddress: branch location
 * @param industryBusinessCategory SAN businessCategory
 */
public record CsrConfig(String commonName, String serialNumber, String organizationIdentifier, String organizationUnitName,
                        String organizationName, String countryName, String invoiceType, String locationAddress,
                        String industryBusinessCategory, ZatcaEnvironment environment) {

    /** The longest text the SDK accepts in a CSR field. */
    public static final int MAX_FIELD_LENGTH = 64;
    /** The characters the SDK refuses in every CSR field, as listed in its messages. */
    public static final String FORBIDDEN_CHARACTERS = "! @ # $ % & * _ <";
    private static final Pattern FORBIDDEN = Pattern.compile("[!@#$%&*_<]");

    public CsrConfig {
        field("csr.common.name", commonName);
        field("csr.serial.number", serialNumber);
        if (serialNumber.contains("=")) {
            throw new IllegalArgumentException("csr.serial.number must not contain '='");
        }
        if (!serialNumber.matches("1-[^|]+\\|2-[^|]+\\|3-[^|]+")) {
            throw new IllegalArgumentException("csr.serial.number must read 1-<solution>|2-<model>|3-<serial>");
        }
        field("csr.organization.identifier", organizationIdentifier);
        if (!organizationIdentifier.matches("3\\d{13}3")) {
            throw new IllegalArgumentException("csr.organization.identifier must be a 15-digit VAT number starting and ending with 3");
        }
        field("csr.organization.unit.name", organizationUnitName);
        if (organizationIdentifier.charAt(10) == '1' && !organizationUnitName.matches("\\d{10}")) {
            throw new IllegalArgumentException("for a VAT group csr.organization.unit.name must be the member's 10-digit TIN");
        }
        field("csr.organization.name", organizationName);
        field("csr.country.name", countryName);
        if (!countryName.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("csr.country.name must be a 2-letter country code");
        }
        field("csr.invoice.type", invoiceType);
        if (!invoiceType.matches("[01]{4}") || !invoiceType.matches("(10|01|11)\\d\\d")) {
            throw new IllegalArgumentException("csr.invoice.type must be 4 binary digits enabling standard and/or simplified, got " + invoiceType);
        }
        field("csr.location.address", locationAddress);
        field("csr.industry.business.category", industryBusinessCategory);
        Objects.requireNonNull(environment, "environment");
    }

    /** Reads the SDK's {@code csr-config-*.properties} format. */
    public static CsrConfig fromProperties(Properties p, ZatcaEnvironment environment) {
        return new CsrConfig(p.getProperty("csr.common.name"), p.getProperty("csr.serial.number"),
                p.getProperty("csr.organization.identifier"), p.getProperty("csr.organization.unit.name"),
                p.getProperty("csr.organization.name"), p.getProperty("csr.country.name"), p.getProperty("csr.invoice.type"),
                p.getProperty("csr.location.address"), p.getProperty("csr.industry.business.category"), environment);
    }

    private static void field(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.length() > MAX_FIELD_LENGTH) {
            throw new IllegalArgumentException(name + " is longer than " + MAX_FIELD_LENGTH + " characters");
        }
        if (hasForbiddenCharacter(value)) {
            throw new IllegalArgumentException(name + " must not contain any of " + FORBIDDEN_CHARACTERS);
        }
    }

    /** Whether the text holds a character the SDK refuses in CSR fields. */
    public static boolean hasForbiddenCharacter(String value) {
        return FORBIDDEN.matcher(value).find();
    }
}
