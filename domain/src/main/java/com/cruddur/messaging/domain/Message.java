package com.cruddur.messaging.domain;

import java.util.Objects;

/** One message in a conversation, with its sender as the directory knew them when it was sent. */
public record Message(MessageId id, MessageGroupId groupId, Participant sender, String text, Timestamp createdAt) {

    public Message {
        Objects.requireNonNull(id, "message id");
        Objects.requireNonNull(groupId, "message group id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "created at");
    }

    /** A new message; its text must pass the rules (stored messages are read back as they are). */
    public static Message compose(MessageId id, MessageGroupId groupId, Participant sender, MessageText text,
                                  Timestamp createdAt) {
        return new Message(id, groupId, sender, text.value(), createdAt);
    }

    /** The same message moved to another instant, for the same-instant collision rule. */
    public Message at(Timestamp instant) {
        return new Message(id, groupId, sender, text, instant);
    }

    public boolean isNewerThan(Message other) {
        return createdAt.isAfter(other.createdAt)
                || (createdAt.equals(other.createdAt) && id.value().compareTo(other.id.value()) > 0);
    }
}
