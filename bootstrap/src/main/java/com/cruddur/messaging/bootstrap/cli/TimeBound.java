package com.cruddur.messaging.bootstrap.cli;

import com.cruddur.messaging.domain.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code --from}/{@code --to} value: a date ({@code 2023-03-01}, the whole UTC day) or a timestamp
 * ({@code 2023-03-01T10:15:30Z}, {@code 2023-03-01T10:15:30.123456+00:00}; without an offset it is UTC).
 *
 * @param first the first instant it covers
 * @param last  the last instant it covers (a date's last microsecond; a timestamp's own instant)
 */
record TimeBound(String text, Instant first, Instant last) {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd hh:mm a", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    static TimeBound parse(String text) {
        String value = text == null ? "" : text.strip();
        try {
            LocalDate date = LocalDate.parse(value);
            Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
            return new TimeBound(value, start, start.plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS));
        } catch (DateTimeParseException notADate) {
            // a timestamp, then
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                instant = LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date or a time; use a date such as "
                        + "2023-03-01 or a timestamp such as 2023-03-01T10:15:30Z");
            }
        }
        instant = instant.truncatedTo(ChronoUnit.MICROS);
        return new TimeBound(value, instant, instant);
    }

    /**
     * The lowest sort key of this bound. Without an offset (and without a zero fraction), so that every form the
     * table holds for the same instant ({@code ...30+00:00}, {@code ...30.000000}, {@code ...30.000000+00:00})
     * sorts at or after it.
     */
    String lowestKey() {
        String seconds = SECONDS.format(first);
        int micros = first.getNano() / 1_000;
        return micros == 0 ? seconds : seconds + String.format(Locale.ROOT, ".%06d", micros);
    }

    /** The highest sort key of this bound, in the table's own format (the other forms of it sort before). */
    String highestKey() {
        return Timestamp.of(last).format();
    }

    /** A sort key as a person reads it: {@code 2023-03-01 10:15 AM} (UTC); the raw key when unreadable. */
    static String shown(String sortKey) {
        try {
            return SHOWN.format(Timestamp.parse(sortKey).instant());
        } catch (RuntimeException unreadable) {
            return sortKey;
        }
    }

    /** The picocli converter for {@code --from} and {@code --to}. */
    static final class Converter implements ITypeConverter<TimeBound> {
        @Override
        public TimeBound convert(String value) {
            return parse(value);
        }
    }
}
