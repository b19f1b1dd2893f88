package com.cruddur.messaging.domain;

import java.util.Objects;

/**
 * {@code blocker} has blocked {@code blocked} since {@code at}: {@code blocked} can neither start a conversation with
 * {@code blocker} nor send into theirs, and nothing {@code blocked} sends counts as unread for {@code blocker}. One
 * way only: {@code blocker} may still send, and {@code blocked} may block back.
 *
 * <p>{@code blocked} is kept as they were shown when the block was made (their name and handle), for the blocker's
 * list of blocks.
 */
public record Block(UserId blocker, Participant blocked, Timestamp at) {

    public Block {
        Objects.requireNonNull(blocker, "blocker");
        Objects.requireNonNull(blocked, "blocked user");
        Objects.requireNonNull(at, "blocked at");
        refuseSelf(blocker, blocked.id());
    }

    /** Nobody blocks or unblocks themselves: it is a client's mistake, answered as such. */
    public static void refuseSelf(UserId blocker, UserId blocked) {
        if (blocker.equals(blocked)) {
            throw new DomainViolation("block_self", "you cannot block or unblock yourself");
        }
    }
}
