package com.cruddur.messaging.application;

import com.cruddur.messaging.domain.IdempotencyKey;
import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.RequestFingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How long an idempotency key is remembered after its request: a client retrying within it gets the first answer,
 * after it the key may stand for a new request. A day by default, long enough for any client's retries.
 */
public record IdempotencyWindow(Duration length) {

    public static final Duration DEFAULT_LENGTH = Duration.ofHours(24);

    public IdempotencyWindow {
        Objects.requireNonNull(length, "length");
        if (length.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the idempotency window must be at least one second, got " + length);
        }
    }

    public static IdempotencyWindow defaults() {
        return new IdempotencyWindow(DEFAULT_LENGTH);
    }

    /** The request a client's key stands for, remembered from {@code now} on; empty without a key. */
    Optional<IdempotentRequest> requestFor(Optional<IdempotencyKey> key, RequestFingerprint fingerprint,
                                           Instant now) {
        return key.map(k -> new IdempotentRequest(k, fingerprint, now.plus(length)));
    }
}
