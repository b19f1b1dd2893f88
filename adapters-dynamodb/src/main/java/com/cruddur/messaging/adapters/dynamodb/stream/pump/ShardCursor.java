package com.cruddur.messaging.adapters.dynamodb.stream.pump;

import java.util.Objects;

/**
 * Where the pump is in one shard: the iterator to read next, and where a new iterator starts when there is none
 * (it expired, was refused, or a read is delivered again from a reported record).
 */
final class ShardCursor {

    /** Where a new iterator of the shard starts. */
    record Position(Kind kind, String sequenceNumber) {

        enum Kind { TRIM_HORIZON, AFTER_SEQUENCE_NUMBER, AT_SEQUENCE_NUMBER }

        static final Position OLDEST = new Position(Kind.TRIM_HORIZON, null);

        Position {
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.TRIM_HORIZON) != (sequenceNumber == null)) {
                throw new IllegalArgumentException(kind + " with sequence number " + sequenceNumber);
            }
        }
    }

    private final String id;
    private final String parentId;
    private String iterator;
    private Position position = Position.OLDEST;

    ShardCursor(String id, String parentId) {
        this.id = Objects.requireNonNull(id, "shard id");
        this.parentId = parentId;
    }

    String id() {
        return id;
    }

    String parentId() {
        return parentId;
    }

    /** The iterator to read next; null when a new one must be taken at {@link #position()}. */
    String iterator() {
        return iterator;
    }

    Position position() {
        return position;
    }

    void use(String newIterator) {
        iterator = newIterator;
    }

    /** The records up to {@code lastSequenceNumber} (none when null) are done with; read on at {@code next}. */
    void advance(String next, String lastSequenceNumber) {
        if (lastSequenceNumber != null) {
            position = new Position(Position.Kind.AFTER_SEQUENCE_NUMBER, lastSequenceNumber);
        }
        iterator = next;
    }

    /** Done with the records up to {@code lastSequenceNumber}; the next read takes a new iterator after it. */
    void resumeAfter(String lastSequenceNumber) {
        advance(null, lastSequenceNumber);
    }

    /** Read again from this record on (it was reported). */
    void rereadFrom(String sequenceNumber) {
        position = new Position(Position.Kind.AT_SEQUENCE_NUMBER, sequenceNumber);
        iterator = null;
    }

    /** The iterator expired: a new one, at the same position. */
    void dropIterator() {
        iterator = null;
    }

    /** The position is gone (trimmed, or refused): start again at the oldest record kept. */
    void restartAtOldest() {
        position = Position.OLDEST;
        iterator = null;
    }

    @Override
    public String toString() {
        return id + " at " + (iterator != null ? "an iterator" : position.kind() + " " + position.sequenceNumber());
    }
}
