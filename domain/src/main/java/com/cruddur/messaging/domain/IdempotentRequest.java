package com.cruddur.messaging.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A send made repeatable by the client's key: the key, what the request asked for, and until when the key is
 * remembered. Within that window the same key with the same request is the same send (one message is stored);
 * the same key with another request is refused. Past it the key is free again.
 *
 * <p>The window is kept in whole seconds (stores expire items by epoch seconds), rounded up so that a key is never
 * forgotten early.
 */
public record IdempotentRequest(IdempotencyKey key, RequestFingerprint fingerprint, Instant expiresAt) {

    public IdempotentRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(expiresAt, "expires at");
        Instant seconds = expiresAt.truncatedTo(ChronoUnit.SECONDS);
        expiresAt = seconds.equals(expiresAt) ? seconds : seconds.plusSeconds(1);
    }

    /** Whether a key remembered until {@code expiresAt} is forgotten at {@code now} (both to the second). */
    public static boolean isExpired(Instant expiresAt, Instant now) {
        return now.getEpochSecond() >= expiresAt.getEpochSecond();
    }
}
