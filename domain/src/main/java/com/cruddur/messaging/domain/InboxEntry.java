package com.cruddur.messaging.domain;

import java.util.Objects;

/**
 * One row of a user's inbox (a message-group row of the table): the conversation as its owner sees it, with the
 * <em>other</em> participant's name, the last message, and how many of the other's messages its owner has not
 * read yet ({@link ReadState}).
 */
public record InboxEntry(UserId owner, MessageGroupId groupId, Participant other, LastMessage lastMessage,
                         int unreadCount) {

    public InboxEntry {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(groupId, "message group id");
        Objects.requireNonNull(other, "other participant");
        Objects.requireNonNull(lastMessage, "last message");
        if (unreadCount < 0) {
            throw new IllegalArgumentException("an unread count cannot be negative, was " + unreadCount);
        }
    }

    /** A row with nothing unread (as every row the reference wrote reads). */
    public InboxEntry(UserId owner, MessageGroupId groupId, Participant other, LastMessage lastMessage) {
        this(owner, groupId, other, lastMessage, 0);
    }
}
