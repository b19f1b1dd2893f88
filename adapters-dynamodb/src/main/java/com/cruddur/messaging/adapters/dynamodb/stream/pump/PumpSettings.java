package com.cruddur.messaging.adapters.dynamodb.stream.pump;

import java.time.Duration;
import java.util.Objects;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * How often the pump polls and how it retries; its two retry policies live here, one per concern.
 *
 * @param pollInterval  the pause between polls while the pump is healthy, and the first backoff of either retry
 * @param maxBackoff    the longest pause between retries
 * @param batchAttempts how many times in all a read with reported records is handed to pattern E before its
 *                      reported records are given up
 * @param batchTimeout  how long pattern E may take over one read before all of it is reported
 */
public record PumpSettings(Duration pollInterval, Duration maxBackoff, int batchAttempts, Duration batchTimeout) {

    public static final PumpSettings DEFAULTS =
            new PumpSettings(Duration.ofMillis(250), Duration.ofSeconds(2), 5, Duration.ofSeconds(60));

    public PumpSettings {
        positive(pollInterval, "poll interval");
        positive(maxBackoff, "longest backoff");
        positive(batchTimeout, "batch timeout");
        if (batchAttempts < 1) {
            throw new IllegalArgumentException("a batch needs at least one attempt, was " + batchAttempts);
        }
        maxBackoff = maxBackoff.compareTo(pollInterval) < 0 ? pollInterval : maxBackoff;
    }

    public PumpSettings withPollInterval(Duration interval) {
        return new PumpSettings(interval, maxBackoff, batchAttempts, batchTimeout);
    }

    public PumpSettings withBatchAttempts(int attempts) {
        return new PumpSettings(pollInterval, maxBackoff, attempts, batchTimeout);
    }

    /**
     * A poll cut short by the table, the stream or the endpoint is retried for as long as the pump runs, backing
     * off from the poll interval to {@link #maxBackoff}; a poll that succeeds starts the backoff over.
     */
    RetryBackoffSpec pollRetry() {
        return Retry.backoff(Long.MAX_VALUE, pollInterval).maxBackoff(maxBackoff).transientErrors(true);
    }

    /**
     * A read whose records pattern E reported is read again from the first reported record, with backoff, until
     * {@link #batchAttempts} attempts are spent; then the last attempt's failure ends the retry.
     */
    RetryBackoffSpec batchRetry() {
        return Retry.backoff(batchAttempts - 1L, pollInterval).maxBackoff(maxBackoff)
                .filter(ShardReader.Unsettled.class::isInstance)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    private static void positive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive, was " + duration);
        }
    }
}
