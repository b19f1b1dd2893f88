package com.cruddur.messaging.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock whose every instant is at least a microsecond after the one it gave before, on any thread: the table's
 * timestamps have six fraction digits, so two messages stored by one instance never share an instant, even in two
 * conversations. A participant's inbox rows are keyed by their last message's instant (the reference's item shape),
 * and two of one participant's conversations whose newest messages shared an instant could not both show theirs.
 * Where the source is ahead of what was given, its time is given: the clock only ever runs ahead by the
 * microseconds of a burst.
 */
public final class DistinctMicrosClock extends Clock {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final Clock source;
    private final AtomicLong lastGiven;

    public DistinctMicrosClock(Clock source) {
        this(source, new AtomicLong(Long.MIN_VALUE));
    }

    private DistinctMicrosClock(Clock source, AtomicLong lastGiven) {
        this.source = Objects.requireNonNull(source, "source");
        this.lastGiven = lastGiven;
    }

    @Override
    public Instant instant() {
        Instant now = source.instant();
        long micros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), MICROS_PER_SECOND), now.getNano() / 1_000);
        long given = lastGiven.accumulateAndGet(micros, (previous, current) -> Math.max(previous + 1, current));
        return Instant.ofEpochSecond(Math.floorDiv(given, MICROS_PER_SECOND),
                Math.floorMod(given, MICROS_PER_SECOND) * 1_000L);
    }

    @Override
    public ZoneId getZone() {
        return source.getZone();
    }

    /** The same instants in another zone, still distinct from this clock's. */
    @Override
    public Clock withZone(ZoneId zone) {
        return new DistinctMicrosClock(source.withZone(zone), lastGiven);
    }
}
