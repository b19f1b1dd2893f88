package com.cruddur.messaging.application.live;

import com.cruddur.messaging.domain.DomainViolation;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.ReadPosition;
import com.cruddur.messaging.domain.Timestamp;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an event stands among a user's events: the message's {@code created_at} (its sort key, in the table's
 * fixed-width format), a kind letter ({@code g} a new conversation, ordered before {@code m} its first message,
 * {@code r} the recipient read up to that message, ordered after it, {@code u} the message was edited or deleted,
 * at the instant of the change) and the message's uuid (two conversations may hold messages of the same microsecond). Written
 * {@code 2026-11-22T10:15:30.123456+00:00~m~<uuid>}; string order is event order, so everything after an id can be
 * read back from the table.
 */
public record EventId(Timestamp at, char kind, MessageId message) implements Comparable<EventId> {

    private static final char CONVERSATION = 'g';
    private static final char MESSAGE = 'm';
    private static final char READ = 'r';
    private static final char CHANGE = 'u';
    private static final String SEPARATOR = "~";

    public EventId {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
        if (kind != CONVERSATION && kind != MESSAGE && kind != READ && kind != CHANGE) {
            throw new IllegalArgumentException("unknown event kind " + kind);
        }
    }

    static EventId ofMessage(Message message) {
        return new EventId(message.createdAt(), MESSAGE, message.id());
    }

    static EventId ofConversation(Message first) {
        return new EventId(first.createdAt(), CONVERSATION, first.id());
    }

    static EventId ofRead(ReadPosition position) {
        return new EventId(position.at(), READ, position.message());
    }

    static EventId ofChange(Timestamp changedAt, MessageId message) {
        return new EventId(changedAt, CHANGE, message);
    }

    /** Reads an id this service wrote; empty for anything else (the client is told to reload). */
    public static Optional<EventId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(SEPARATOR, -1);
        if (parts.length != 3 || parts[1].length() != 1 || parts[0].length() != 32) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EventId(Timestamp.parse(parts[0]), parts[1].charAt(0), MessageId.of(parts[2])));
        } catch (DomainViolation | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(EventId other) {
        return toString().compareTo(other.toString());
    }

    public boolean isAfter(EventId other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return at.format() + SEPARATOR + kind + SEPARATOR + message;
    }
}
