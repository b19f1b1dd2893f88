package com.cruddur.messaging.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One participant's reading of a conversation: the newest message they have seen, if any, and how many messages
 * from the other participant came after it (up to the conversation's last message). The count is exact up to
 * {@value #EXACT_UP_TO}; a count recomputed from the messages stops at {@value #COUNTED_UP_TO} ("more than 99").
 *
 * <p>{@code blocksOther}: this participant has blocked the other one. While it holds, the other's messages are
 * refused, and none of them counts as unread (the count is 0), whenever it was stored.
 */
public record ReadState(Optional<ReadPosition> seen, int unread, boolean blocksOther) {

    public static final int EXACT_UP_TO = 99;
    public static final int COUNTED_UP_TO = EXACT_UP_TO + 1;

    /** A conversation nobody recorded reading (all of them before read markers existed). */
    public static final ReadState NONE = new ReadState(Optional.empty(), 0);

    public ReadState {
        Objects.requireNonNull(seen, "seen");
        if (unread < 0) {
            throw new IllegalArgumentException("an unread count cannot be negative, was " + unread);
        }
        if (blocksOther && unread != 0) {
            throw new IllegalArgumentException("nothing is unread from someone blocked, was " + unread);
        }
    }

    /** The reading of a participant who does not block the other one. */
    public ReadState(Optional<ReadPosition> seen, int unread) {
        this(seen, unread, false);
    }

    /** Whether a message at {@code at} is after this reader's position (everything is, when nothing was read). */
    public boolean isUnseen(Timestamp at) {
        return seen.map(position -> position.precedes(at)).orElse(true);
    }

    /** Whether {@code position} is further than this reader has read: read positions only move forward. */
    public boolean isBehind(ReadPosition position) {
        return isUnseen(position.at());
    }

    /** The count raised by {@code arrived} messages of the other participant; none counts while they are blocked. */
    ReadState plus(int arrived) {
        return arrived == 0 || blocksOther ? this : new ReadState(seen, unread + arrived, false);
    }

    /** Read up to {@code position} with {@code unreadAfter} of the other's messages after it (0 while blocking). */
    ReadState readUpTo(ReadPosition position, int unreadAfter) {
        return new ReadState(Optional.of(position), blocksOther ? 0 : unreadAfter, blocksOther);
    }

    /** Blocking the other participant: nothing of theirs counts from now on, what counted before included. */
    ReadState blocking() {
        return new ReadState(seen, 0, true);
    }

    /**
     * No longer blocking: messages arriving from now on count again. What arrived during the block stays uncounted
     * until the next read recounts from the read position.
     */
    ReadState notBlocking() {
        return new ReadState(seen, unread, false);
    }
}
