package com.cruddur.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DistinctMicrosClockTest {

    private static final Instant NOON = Instant.parse("2026-11-22T12:00:00.123456789Z");

    @Test
    void aStoppedSourceGivesOneMicrosecondAfterAnother() {
        Clock clock = new DistinctMicrosClock(Clock.fixed(NOON, ZoneOffset.UTC));

        assertThat(List.of(clock.instant(), clock.instant(), clock.instant())).containsExactly(
                Instant.parse("2026-11-22T12:00:00.123456Z"),
                Instant.parse("2026-11-22T12:00:00.123457Z"),
                Instant.parse("2026-11-22T12:00:00.123458Z"));
    }

    @Test
    void aSourceAheadOfWhatWasGivenIsGivenAsItIs() {
        UseCaseFixture.MutableClock source = new UseCaseFixture.MutableClock(NOON);
        Clock clock = new DistinctMicrosClock(source);
        clock.instant();
        clock.instant();

        source.advance(Duration.ofSeconds(5));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-22T12:00:05.123456Z"));
    }

    @Test
    void aSourceGoingBackDoesNotTakeTheClockBack() {
        UseCaseFixture.MutableClock source = new UseCaseFixture.MutableClock(NOON);
        Clock clock = new DistinctMicrosClock(source);
        Instant before = clock.instant();

        source.advance(Duration.ofMillis(-3));

        assertThat(clock.instant()).isEqualTo(before.plusNanos(1_000));
    }

    @Test
    void instantsBeforeTheEpochKeepTheirMicroseconds() {
        Clock clock = new DistinctMicrosClock(Clock.fixed(Instant.parse("1969-12-31T23:59:59.999999500Z"), ZoneOffset.UTC));

        assertThat(List.of(clock.instant(), clock.instant())).containsExactly(
                Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("1970-01-01T00:00:00Z"));
    }

    @Test
    void threadsTakingInstantsAtOnceNeverShareOne() throws Exception {
        Clock clock = new DistinctMicrosClock(Clock.fixed(NOON, ZoneOffset.UTC));
        Set<Instant> given = ConcurrentHashMap.newKeySet();
        int threads = 4;
        int each = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        given.add(clock.instant());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> thread : running) {
                thread.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(given).hasSize(threads * each);
    }

    @Test
    void anotherZoneSharesTheInstantsGiven() {
        Clock clock = new DistinctMicrosClock(Clock.fixed(NOON, ZoneOffset.UTC));
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

        Instant first = clock.instant();

        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(paris.instant()).isEqualTo(first.plusNanos(1_000));
    }
}
