package com.cruddur.messaging.domain;

import java.util.Objects;

/**
 * How far a participant has read a conversation: the newest message they have seen. Two messages of a group never
 * share an instant (the collision rule), so the instant orders positions; the uuid names the message.
 */
public record ReadPosition(MessageId message, Timestamp at) {

    public ReadPosition {
        Objects.requireNonNull(message, "message id");
        Objects.requireNonNull(at, "read position time");
    }

    public static ReadPosition of(Message message) {
        return new ReadPosition(message.id(), message.createdAt());
    }

    /** Whether {@code message} came after this position, so it is not seen yet. */
    public boolean precedes(Timestamp message) {
        return message.isAfter(at);
    }
}
