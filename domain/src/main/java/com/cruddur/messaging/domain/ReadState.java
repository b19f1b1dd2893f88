package com.cruddur.messaging.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One participant's reading of a conversation: the newest message they have seen, if any, and how many messages
 * from the other participant came after it (up to the conversation's last message). The count is exact up to
 * {@value #EXACT_UP_TO}; a count recomputed from the messages stops at {@value #COUNTED_UP_TO} ("more than 99").
 */
public record ReadState(Optional<ReadPosition> seen, int unread) {

    public static final int EXACT_UP_TO = 99;
    public static final int COUNTED_UP_TO = EXACT_UP_TO + 1;

    /** A conversation nobody recorded reading (all of them before read markers existed). */
    public static final ReadState NONE = new ReadState(Optional.empty(), 0);

    public ReadState {
        Objects.requireNonNull(seen, "seen");
        if (unread < 0) {
            throw new IllegalArgumentException("an unread count cannot be negative, was " + unread);
        }
    }

    /** Whether a message at {@code at} is after this reader's position (everything is, when nothing was read). */
    public boolean isUnseen(Timestamp at) {
        return seen.map(position -> position.precedes(at)).orElse(true);
    }

    /** Whether {@code position} is further than this reader has read: read positions only move forward. */
    public boolean isBehind(ReadPosition position) {
        return isUnseen(position.at());
    }

    ReadState plus(int arrived) {
        return arrived == 0 ? this : new ReadState(seen, unread + arrived);
    }
}
