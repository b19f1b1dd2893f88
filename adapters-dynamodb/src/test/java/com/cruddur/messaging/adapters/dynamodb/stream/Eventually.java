package com.cruddur.messaging.adapters.dynamodb.stream;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition the pump makes true asynchronously. */
final class Eventually {

    private Eventually() {
    }

    /** Polls every 10 ms; returns how long it took, or fails after {@code within}. */
    static Duration within(Duration within, String what, BooleanSupplier condition) {
        long started = System.nanoTime();
        long deadline = started + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
