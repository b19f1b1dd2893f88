package com.cruddur.messaging.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A point in time at microsecond precision, written in the table's fixed format
 * {@code 2026-11-22T10:15:30.123456+00:00}: UTC, always six fraction digits, so string order is time order.
 *
 * <p>Reading is lenient because the reference wrote two other forms into the same table: an offset-less one
 * ({@code 2023-04-05T13:15:19.922515}, which is UTC) and, when the microsecond was zero, one without a fraction.
 */
public record Timestamp(Instant instant) implements Comparable<Timestamp> {

    private static final DateTimeFormatter TABLE_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

    public Timestamp {
        Objects.requireNonNull(instant, "instant");
        instant = instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static Timestamp of(Instant instant) {
        return new Timestamp(instant);
    }

    /** Reads any form the reference or this service wrote; anything else is a violation. */
    public static Timestamp parse(String text) {
        if (text == null || text.isBlank()) {
            throw DomainViolation.malformed("timestamp_invalid", "timestamp must not be blank");
        }
        try {
            return new Timestamp(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return new Timestamp(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                throw DomainViolation.malformed("timestamp_invalid",
                        "timestamp must look like 2026-11-22T10:15:30.123456+00:00, got '" + text + "'");
            }
        }
    }

    /** The same-instant collision rule: a message that would land on an occupied instant moves one microsecond on. */
    public Timestamp nextMicrosecond() {
        return new Timestamp(instant.plus(1, ChronoUnit.MICROS));
    }

    public boolean isAfter(Timestamp other) {
        return instant.isAfter(other.instant);
    }

    public String format() {
        return TABLE_FORMAT.format(instant);
    }

    @Override
    public int compareTo(Timestamp other) {
        return instant.compareTo(other.instant);
    }

    @Override
    public String toString() {
        return format();
    }
}
