package com.cruddur.messaging.domain;

import java.util.Objects;

/**
 * Two users as an unordered pair: the identity of "the conversation between them", the same whichever of the two
 * starts it. Starting a conversation with someone you already have one with reuses it.
 */
public record ParticipantPair(UserId lower, UserId higher) {

    public ParticipantPair {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(higher, "higher");
        if (lower.value().toString().compareTo(higher.value().toString()) >= 0) {
            throw new IllegalArgumentException("use ParticipantPair.of: the pair must be ordered and distinct");
        }
    }

    public static ParticipantPair of(UserId a, UserId b) {
        if (a.equals(b)) {
            throw new DomainViolation("message_self", "you cannot start a conversation with yourself");
        }
        return a.value().toString().compareTo(b.value().toString()) < 0 ? new ParticipantPair(a, b) : new ParticipantPair(b, a);
    }

    /** A stable text form, usable as a storage key: {@code lower#higher}. */
    public String key() {
        return lower + "#" + higher;
    }
}
