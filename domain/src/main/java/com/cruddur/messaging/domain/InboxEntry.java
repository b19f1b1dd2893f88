package com.cruddur.messaging.domain;

import java.util.Objects;

/**
 * One row of a user's inbox (a message-group row of the table): the conversation as its owner sees it, with the
 * <em>other</em> participant's name and the last message.
 */
public record InboxEntry(UserId owner, MessageGroupId groupId, Participant other, LastMessage lastMessage) {

    public InboxEntry {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(groupId, "message group id");
        Objects.requireNonNull(other, "other participant");
        Objects.requireNonNull(lastMessage, "last message");
    }
}
