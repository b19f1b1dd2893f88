package com.cruddur.messaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampTest {

    @Test
    void formatsInTheTablesFixedFormat() {
        Timestamp timestamp = Timestamp.of(Instant.parse("2026-11-22T10:15:30.123456Z"));

        assertThat(timestamp.format()).isEqualTo("2026-11-22T10:15:30.123456+00:00");
        assertThat(timestamp).hasToString("2026-11-22T10:15:30.123456+00:00");
    }

    @Test
    void alwaysWritesSixFractionDigitsAndTheOffset() {
        assertThat(Timestamp.of(Instant.parse("2026-01-02T03:04:05Z")).format())
                .isEqualTo("2026-01-02T03:04:05.000000+00:00");
        assertThat(Timestamp.of(Instant.parse("2026-01-02T03:04:05.1Z")).format())
                .isEqualTo("2026-01-02T03:04:05.100000+00:00");
        assertThat(Timestamp.of(Instant.parse("2026-01-02T03:04:05.000001Z")).format())
                .isEqualTo("2026-01-02T03:04:05.000001+00:00");
    }

    @Test
    void keepsMicrosecondsAndDropsNanoseconds() {
        Timestamp fromNanos = Timestamp.of(Instant.parse("2026-11-22T10:15:30.123456789Z"));

        assertThat(fromNanos.format()).isEqualTo("2026-11-22T10:15:30.123456+00:00");
        assertThat(fromNanos.instant()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123456Z"));
        assertThat(fromNanos).isEqualTo(Timestamp.of(Instant.parse("2026-11-22T10:15:30.123456Z")));
    }

    @Test
    void readsItsOwnFormatBack() {
        String text = "2026-11-22T10:15:30.123456+00:00";

        assertThat(Timestamp.parse(text).instant()).isEqualTo(Instant.parse("2026-11-22T10:15:30.123456Z"));
        assertThat(Timestamp.parse(text).format()).isEqualTo(text);
    }

    @Test
    void readsTheReferencesOffsetLessFormAsUtc() {
        Timestamp timestamp = Timestamp.parse("2023-04-05T13:15:19.922515");

        assertThat(timestamp.instant()).isEqualTo(Instant.parse("2023-04-05T13:15:19.922515Z"));
        assertThat(timestamp.format()).isEqualTo("2023-04-05T13:15:19.922515+00:00");
    }

    @Test
    void readsTheReferencesFormWithoutFraction() {
        assertThat(Timestamp.parse("2023-03-20T22:52:11+00:00").format()).isEqualTo("2023-03-20T22:52:11.000000+00:00");
        assertThat(Timestamp.parse("2023-03-20T22:52:11").format()).isEqualTo("2023-03-20T22:52:11.000000+00:00");
    }

    @Test
    void convertsOtherOffsetsToUtc() {
        assertThat(Timestamp.parse("2026-11-22T12:15:30.123456+02:00").format())
                .isEqualTo("2026-11-22T10:15:30.123456+00:00");
        assertThat(Timestamp.parse("2026-11-22T10:15:30.123456Z").format())
                .isEqualTo("2026-11-22T10:15:30.123456+00:00");
    }

    @Test
    void refusesAnythingElse() {
        String[] refused = {null, "", "  ", "yesterday", "2026-11-22", "2026-11-22 10:15:30.123456+00:00",
                "2026-13-01T00:00:00+00:00", "1700000000", "2026-11-22T10:15:30.123456+00:00 ",
                // the table's own format with an impossible date or a non-digit
                "2026-02-30T10:15:30.123456+00:00", "2026-11-22T24:15:30.123456+00:00", "2026-11-22T10:15:3x.123456+00:00",
                "2026-11-22T10:15:30.12345a+00:00"};
        for (String text : refused) {
            assertThatThrownBy(() -> Timestamp.parse(text))
                    .as("'%s'", text)
                    .isInstanceOfSatisfying(DomainViolation.class,
                            violation -> assertThat(violation.code()).isEqualTo("timestamp_invalid"));
        }
    }

    @Test
    void readsItsOwnFormatBackToTheSameInstant() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            Timestamp written = Timestamp.of(Instant.parse("1990-01-01T00:00:00Z")
                    .plusNanos((long) (random.nextDouble() * 60L * 365 * 24 * 3600 * 1_000_000) * 1000));
            assertThat(Timestamp.parse(written.format())).isEqualTo(written);
        }
    }

    @Test
    void stringOrderIsTimeOrder() {
        Random random = new Random(20261122L);
        Instant from = Instant.parse("2000-01-01T00:00:00Z");
        List<Timestamp> timestamps = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            // Mostly near neighbours (same second, carry into the next second/minute) plus far-apart years.
            Instant base = i % 2 == 0 ? Instant.parse("2026-12-31T23:59:59.999990Z") : from;
            long fortyYearsOfMicros = 40L * 365 * 24 * 3600 * 1_000_000;
            long micros = i % 2 == 0 ? random.nextInt(40) : (long) (random.nextDouble() * fortyYearsOfMicros);
            timestamps.add(Timestamp.of(base.plusNanos(micros * 1000)));
        }

        List<Timestamp> byTime = timestamps.stream().sorted().toList();
        List<Timestamp> byText = timestamps.stream().sorted(Comparator.comparing(Timestamp::format)).toList();

        assertThat(byText).containsExactlyElementsOf(byTime);
        assertThat(timestamps).allSatisfy(t -> assertThat(t.format()).hasSize(32));
    }

    @Test
    void nextMicrosecondIsOneMicrosecondLater() {
        Timestamp timestamp = Timestamp.parse("2026-11-22T10:15:30.123456+00:00");

        Timestamp next = timestamp.nextMicrosecond();

        assertThat(next.format()).isEqualTo("2026-11-22T10:15:30.123457+00:00");
        assertThat(next.isAfter(timestamp)).isTrue();
        assertThat(timestamp.isAfter(next)).isFalse();
        assertThat(next.format()).isGreaterThan(timestamp.format());
    }

    @Test
    void nextMicrosecondCarriesIntoTheNextSecondAndYear() {
        assertThat(Timestamp.parse("2026-12-31T23:59:59.999999+00:00").nextMicrosecond().format())
                .isEqualTo("2027-01-01T00:00:00.000000+00:00");
    }

    @Test
    void comparesByInstant() {
        Timestamp earlier = Timestamp.parse("2026-11-22T10:15:30.000001+00:00");
        Timestamp later = Timestamp.parse("2026-11-22T10:15:30.000002+00:00");
        Timestamp sameAsEarlier = Timestamp.parse("2026-11-22T10:15:30.000001");

        assertThat(earlier).isLessThan(later).isEqualByComparingTo(sameAsEarlier).isEqualTo(sameAsEarlier);
        assertThat(later.isAfter(earlier)).isTrue();
        assertThat(earlier.isAfter(sameAsEarlier)).isFalse();
    }

    @Test
    void refusesANullInstant() {
        assertThatThrownBy(() -> Timestamp.of(null)).isInstanceOf(NullPointerException.class);
    }
}
