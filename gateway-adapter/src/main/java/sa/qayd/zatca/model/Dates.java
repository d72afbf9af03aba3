package sa.qayd.zatca.model;

import java.time.LocalDate;

/** ZATCA's date rule: YYYY-MM-DD from the year 2000 on (BR-KSA-F-01). */
final class Dates {
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private Dates() {
    }

    static LocalDate check(String field, LocalDate date) {
        if (date == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (date.isBefore(EARLIEST) || date.getYear() > 9999) {
            throw new IllegalArgumentException(field + " must be a date from 2000-01-01 on (BR-KSA-F-01), got " + date);
        }
        return date;
    }

    static LocalDate optional(String field, LocalDate date) {
        return date == null ? null : check(field, date);
    }
}
