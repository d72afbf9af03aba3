package sa.qayd.zatca.fatoora;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The {@code Retry-After} header (RFC 9110 §10.2.3): delay seconds or an HTTP-date. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The delay from now; a date in the past is no delay; an unreadable value is none at all. */
    static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return trimmed.length() > 9 ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration delay = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
