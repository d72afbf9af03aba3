package sa.qayd.command.web;

import java.util.regex.Pattern;
import sa.qayd.zatca.model.Seller;

/** Formats ZATCA prescribes for identifiers and Saudi national addresses. */
public final class SaudiFormats {
    /** 15 digits, first and last 3 (BR-KSA-39/40), as the protocol core checks it. */
    private static final Pattern VAT_NUMBER = Pattern.compile(Seller.VAT_NUMBER_PATTERN);
    private static final Pattern BUILDING_NUMBER = Pattern.compile("\\d{4}");
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private SaudiFormats() {
    }

    public static boolean isVatNumber(String value) {
        return VAT_NUMBER.matcher(value).matches();
    }

    public static boolean isBuildingNumber(String value) {
        return BUILDING_NUMBER.matcher(value).matches();
    }

    public static boolean isPostalCode(String value) {
        return POSTAL_CODE.matcher(value).matches();
    }

    public static boolean isCountryCode(String value) {
        return COUNTRY.matcher(value).matches();
    }

    public static final String VAT_NUMBER_RULE = "must be 15 digits starting and ending with 3";
}
