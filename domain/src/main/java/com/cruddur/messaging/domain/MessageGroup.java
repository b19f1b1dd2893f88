package com.cruddur.messaging.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A 1:1 conversation: its two participants and its last message. Immutable; the rules return new values.
 */
public record MessageGroup(MessageGroupId id, Participant first, Participant second, LastMessage lastMessage) {

    public MessageGroup {
        Objects.requireNonNull(id, "message group id");
        Objects.requireNonNull(first, "first participant");
        Objects.requireNonNull(second, "second participant");
        Objects.requireNonNull(lastMessage, "last message");
        if (first.id().equals(second.id())) {
            throw new DomainViolation("message_self", "a conversation needs two different people");
        }
    }

    /** Starts a conversation with its first message; nobody can start one with themselves. */
    public static Conversation start(MessageGroupId id, MessageId firstMessageId, Participant sender,
                                     Participant recipient, MessageText text, Timestamp at) {
        if (sender.id().equals(recipient.id())) {
            throw new DomainViolation("message_self", "you cannot start a conversation with yourself");
        }
        Message first = Message.compose(firstMessageId, id, sender, text, at);
        return new Conversation(new MessageGroup(id, sender, recipient, LastMessage.of(first)), first);
    }

    public boolean hasParticipant(UserId user) {
        return first.id().equals(user) || second.id().equals(user);
    }

    /**
     * The group after {@code message}, or empty when the message is not newer than the current last one: the last
     * message only ever moves forward, so late, replayed and out-of-order deliveries change nothing.
     */
    public Optional<MessageGroup> movedTo(Message message) {
        if (!message.groupId().equals(id)) {
            throw new IllegalArgumentException("message " + message.id() + " belongs to another group");
        }
        if (!message.createdAt().isAfter(lastMessage.at())) {
            return Optional.empty();
        }
        return Optional.of(new MessageGroup(id, first, second, LastMessage.of(message)));
    }

    /** Each participant's inbox row: one per participant, showing the other one. */
    public List<InboxEntry> inboxEntries() {
        return List.of(
                new InboxEntry(first.id(), id, second, lastMessage),
                new InboxEntry(second.id(), id, first, lastMessage));
    }

    /** A conversation just started: the group and the message that started it, stored together. */
    public record Conversation(MessageGroup group, Message firstMessage) {
    }
}
