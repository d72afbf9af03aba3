package sa.qayd.zatca.csr;

import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import sa.qayd.zatca.fatoora.FatooraEnvironment;
import sa.qayd.zatca.model.Text;

/**
 * The fields of an EGS unit's CSR, named after the SDK's {@code csr-config} properties, validated
 * as the SDK validates them: at most 64 characters, none of {@code ! @ # $ % & * _ <}, no {@code =}
 * in the serial number, VAT number {@code 3…3} (15 digits), invoice type four binary digits, and
 * for a VAT group (11th digit 1) the unit name is the member's 10-digit TIN. Every field also
 * follows Qayd's one text rule ({@link Text#problem}). The API checks requests with the same
 * {@link #fieldProblem} and {@link #organizationUnitProblem}, so what it accepts can be certified.
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
                        String industryBusinessCategory, FatooraEnvironment environment) {

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
        organizationUnitProblem(organizationIdentifier, organizationUnitName).ifPresent(problem -> {
            throw new IllegalArgumentException("csr.organization.unit.name " + problem);
        });
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
    public static CsrConfig fromProperties(Properties p, FatooraEnvironment environment) {
        return new CsrConfig(p.getProperty("csr.common.name"), p.getProperty("csr.serial.number"),
                p.getProperty("csr.organization.identifier"), p.getProperty("csr.organization.unit.name"),
                p.getProperty("csr.organization.name"), p.getProperty("csr.country.name"), p.getProperty("csr.invoice.type"),
                p.getProperty("csr.location.address"), p.getProperty("csr.industry.business.category"), environment);
    }

    private static void field(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        fieldProblem(value).ifPresent(problem -> {
            throw new IllegalArgumentException(name + " " + problem);
        });
    }

    /** Why a text cannot be a CSR field ("must …"), or empty if it can. */
    public static Optional<String> fieldProblem(String value) {
        Optional<String> textProblem = Text.problem(value, MAX_FIELD_LENGTH);
        if (textProblem.isPresent()) {
            return textProblem;
        }
        if (FORBIDDEN.matcher(value).find()) {
            return Optional.of("must not contain any of " + FORBIDDEN_CHARACTERS);
        }
        return Optional.empty();
    }

    /** A VAT group's units (11th digit of the VAT number is 1) are named by the member's 10-digit TIN. */
    public static Optional<String> organizationUnitProblem(String vatNumber, String organizationUnitName) {
        boolean vatGroup = vatNumber.length() > 10 && vatNumber.charAt(10) == '1';
        if (vatGroup && !organizationUnitName.matches("\\d{10}")) {
            return Optional.of("must be the member's 10-digit TIN for a VAT group (11th digit of the VAT number is 1)");
        }
        return Optional.empty();
    }
}
