package com.cruddur.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading the table's own format ({@code 2026-11-22T10:15:30.123456+00:00}) takes a shortcut past the general
 * parser; a text of the same length that is not that format must still be read as the general parser reads it, or
 * refused, never taken apart by position.
 */
class TimestampReadingTest {

    @Test
    void theTablesFormatReadsAsTheInstantItNames() {
        assertThat(Timestamp.parse("2026-11-22T10:15:30.123456+00:00").instant())
                .isEqualTo(Instant.parse("2026-11-22T10:15:30.123456Z"));
        assertThat(Timestamp.parse("1999-12-31T23:59:59.999999+00:00").instant())
                .isEqualTo(Instant.parse("1999-12-31T23:59:59.999999Z"));
    }

    @Test
    void anotherOffsetOfTheSameLengthIsHonouredNotReadAsUtc() {
        assertThat(Timestamp.parse("2026-11-22T10:15:30.123456+01:00").instant())
                .isEqualTo(Instant.parse("2026-11-22T09:15:30.123456Z"));
    }

    @Test
    void aLongerTextThatBeginsLikeTheTablesFormatIsRefused() {
        for (String text : new String[] {"2026-11-22T10:15:30.123456 +00:00", "2026-11-22T10:15:30.123456+00:00+00:00"}) {
            assertThatThrownBy(() -> Timestamp.parse(text)).as(text)
                    .isInstanceOfSatisfying(DomainViolation.class,
                            violation -> assertThat(violation.code()).isEqualTo("timestamp_invalid"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026x11-22T10:15:30.123456+00:00", // each separator, replaced by a character that is not it
            "2026-11x22T10:15:30.123456+00:00",
            "2026-11-22x10:15:30.123456+00:00",
            "2026-11-22T10x15:30.123456+00:00",
            "2026-11-22T10:15x30.123456+00:00",
            "2026-11-22T10:15:30x123456+00:00",
            "x026-11-22T10:15:30.123456+00:00", // a field that is not all digits: below '0', above '9', a letter
            "2 26-11-22T10:15:30.123456+00:00",
            "20:6-11-22T10:15:30.123456+00:00",
            "2026-11-22T10:15:30.12345/+00:00",
            "2026-11-22T10:15:30.1234a6+00:00",
            "2026-13-22T10:15:30.123456+00:00", // an impossible date
            "2026-02-30T10:15:30.123456+00:00",
    })
    void aTextOfTheTablesLengthThatIsNotItsFormatIsRefused(String text) {
        assertThat(text).hasSize(32);
        assertThatThrownBy(() -> Timestamp.parse(text))
                .isInstanceOfSatisfying(DomainViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("timestamp_invalid");
                    assertThat(violation.isMalformed()).isTrue();
                });
    }
}
