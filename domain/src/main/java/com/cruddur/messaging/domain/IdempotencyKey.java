package com.cruddur.messaging.domain;

/**
 * A client's token that makes a send repeatable: the same sender sending twice with the same key stores one
 * message. Printable ASCII only, so it can be part of a storage key.
 */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 128;

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new DomainViolation("idempotency_key_invalid",
                    "Idempotency-Key must be 1 to " + MAX_LENGTH + " printable ASCII characters without spaces");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
