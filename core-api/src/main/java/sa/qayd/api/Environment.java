package sa.qayd.api;

import java.util.Arrays;
import java.util.Locale;

/** A Qayd environment. Credentials, EGS units and invoices belong to exactly one and never mix. */
public enum Environment {
    SANDBOX,
    PRODUCTION;

    /** The lower-case name used on the wire and in key prefixes. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Environment fromWire(String value) {
        return Arrays.stream(values())
                .filter(e -> e.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> new QaydException(ErrorCode.VALIDATION_FAILED,
                        "environment must be 'sandbox' or 'production'",
                        java.util.List.of(new FieldError("environment", "must be 'sandbox' or 'production'"))));
    }
}
