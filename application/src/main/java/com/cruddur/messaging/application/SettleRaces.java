package com.cruddur.messaging.application;

import com.cruddur.messaging.application.port.ConcurrentUpdateException;
import java.time.Duration;
import reactor.util.retry.Retry;

/**
 * How a use case that lost a conditional write to another writer goes on: it reads the conversation again and
 * retries, a few times; anything else, or a race that does not settle, is the caller's failure.
 */
final class SettleRaces {

    static final int ATTEMPTS = 8;

    static final Retry RETRY = Retry.backoff(ATTEMPTS - 1, Duration.ofMillis(5))
            .maxBackoff(Duration.ofMillis(200))
            .filter(ConcurrentUpdateException.class::isInstance)
            .onRetryExhaustedThrow((spec, signal) -> signal.failure());

    private SettleRaces() {
    }
}
