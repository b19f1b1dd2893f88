package com.cruddur.messaging.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A 1:1 conversation: its two participants, its last message and how far each participant has read it. Immutable;
 * the rules return new values.
 */
public record MessageGroup(MessageGroupId id, Participant first, Participant second, LastMessage lastMessage,
                           ReadState firstRead, ReadState secondRead) {

    public MessageGroup {
        Objects.requireNonNull(id, "message group id");
        Objects.requireNonNull(first, "first participant");
        Objects.requireNonNull(second, "second participant");
        Objects.requireNonNull(lastMessage, "last message");
        Objects.requireNonNull(firstRead, "first participant's reading");
        Objects.requireNonNull(secondRead, "second participant's reading");
        if (first.id().equals(second.id())) {
            throw new DomainViolation("message_self", "a conversation needs two different people");
        }
    }

    /** A conversation whose reading nobody recorded (as every conversation the reference wrote). */
    public MessageGroup(MessageGroupId id, Participant first, Participant second, LastMessage lastMessage) {
        this(id, first, second, lastMessage, ReadState.NONE, ReadState.NONE);
    }

    /**
     * Starts a conversation with its first message; nobody can start one with themselves. The sender has read it,
     * the recipient has one unread message.
     */
    public static Conversation start(MessageGroupId id, MessageId firstMessageId, Participant sender,
                                     Participant recipient, MessageText text, Timestamp at) {
        if (sender.id().equals(recipient.id())) {
            throw new DomainViolation("message_self", "you cannot start a conversation with yourself");
        }
        Message first = Message.compose(firstMessageId, id, sender, text, at);
        return new Conversation(new MessageGroup(id, sender, recipient, LastMessage.of(first),
                ReadState.NONE, ReadState.NONE.plus(1)), first);
    }

    public boolean hasParticipant(UserId user) {
        return first.id().equals(user) || second.id().equals(user);
    }

    /** How far {@code participant} has read. */
    public ReadState readStateOf(UserId participant) {
        return isFirst(participant) ? firstRead : secondRead;
    }

    /** The participant who is not {@code participant}. */
    public Participant otherThan(UserId participant) {
        return isFirst(participant) ? second : first;
    }

    private boolean isFirst(UserId participant) {
        if (!hasParticipant(participant)) {
            throw new IllegalArgumentException(participant + " is not in conversation " + id);
        }
        return first.id().equals(participant);
    }

    /** {@link #movedTo(Message, Collection)} when {@code message} is the only one since the last message. */
    public Optional<MessageGroup> movedTo(Message message) {
        return movedTo(message, List.of(message));
    }

    /**
     * The group after {@code newest}, or empty when it is not newer than the current last message: the last message
     * only ever moves forward, so late, replayed and out-of-order deliveries change nothing.
     *
     * <p>{@code arrivals} are the group's messages stored after the current last message up to {@code newest}
     * (whatever batch brought them): each raises the unread count of the participant who did not send it, unless
     * that participant has read past it already. A move counts exactly the messages between the two positions it
     * moves between, so a message is counted once, whichever move passes it.
     */
    public Optional<MessageGroup> movedTo(Message newest, Collection<Message> arrivals) {
        if (!newest.groupId().equals(id)) {
            throw new IllegalArgumentException("message " + newest.id() + " belongs to another group");
        }
        if (!newest.createdAt().isAfter(lastMessage.at())) {
            return Optional.empty();
        }
        Map<MessageId, Message> passed = new LinkedHashMap<>();
        arrivals.stream()
                .filter(m -> m.groupId().equals(id) && m.createdAt().isAfter(lastMessage.at())
                        && !m.createdAt().isAfter(newest.createdAt()))
                .forEach(m -> passed.put(m.id(), m));
        passed.put(newest.id(), newest);
        return Optional.of(new MessageGroup(id, first, second, LastMessage.of(newest),
                firstRead.plus(unseenFrom(second, firstRead, passed.values())),
                secondRead.plus(unseenFrom(first, secondRead, passed.values()))));
    }

    /**
     * The group showing {@code changed} (an edited or deleted message) as its last message: empty when the group's
     * last message is another one (an older message changed, or the group has moved past it) or shows it already.
     * Messages of a group never share an instant, so the instant names the message.
     */
    public Optional<MessageGroup> showing(Message changed) {
        if (!changed.groupId().equals(id)) {
            throw new IllegalArgumentException("message " + changed.id() + " belongs to another group");
        }
        LastMessage shown = LastMessage.of(changed);
        if (!lastMessage.at().equals(changed.createdAt()) || lastMessage.equals(shown)) {
            return Optional.empty();
        }
        return Optional.of(new MessageGroup(id, first, second, shown, firstRead, secondRead));
    }

    /** Counted as {@link ReadState#plus}: nothing counts for a reader who blocks the sender. */
    private static int unseenFrom(Participant sender, ReadState reader, Collection<Message> messages) {
        return (int) messages.stream()
                .filter(m -> m.sender().id().equals(sender.id()) && reader.isUnseen(m.createdAt()))
                .count();
    }

    /**
     * The group after {@code reader} has seen up to {@code position}, with {@code unreadAfter} messages of the other
     * participant after it; empty when they had read that far already (read positions only move forward).
     */
    public Optional<MessageGroup> readBy(UserId reader, ReadPosition position, int unreadAfter) {
        if (!readStateOf(reader).isBehind(position)) {
            return Optional.empty();
        }
        return Optional.of(withReading(reader, readStateOf(reader).readUpTo(position, unreadAfter)));
    }

    /**
     * Whether the participant who is not {@code sender} has blocked {@code sender}: then {@code sender} may not send
     * here. A participant who blocks the other may still send: a block stops what reaches the one who made it.
     */
    public boolean blocksMessagesFrom(UserId sender) {
        return readStateOf(otherThan(sender).id()).blocksOther();
    }

    /**
     * The group once {@code blocker} has blocked the other participant: their unread count is 0 and stays 0 while
     * the block holds; empty when they block them already.
     */
    public Optional<MessageGroup> blockedBy(UserId blocker) {
        ReadState reading = readStateOf(blocker);
        return reading.blocksOther() ? Optional.empty() : Optional.of(withReading(blocker, reading.blocking()));
    }

    /** The group once {@code blocker} no longer blocks the other participant; empty when they did not. */
    public Optional<MessageGroup> unblockedBy(UserId blocker) {
        ReadState reading = readStateOf(blocker);
        return reading.blocksOther() ? Optional.of(withReading(blocker, reading.notBlocking())) : Optional.empty();
    }

    private MessageGroup withReading(UserId participant, ReadState reading) {
        return isFirst(participant)
                ? new MessageGroup(id, first, second, lastMessage, reading, secondRead)
                : new MessageGroup(id, first, second, lastMessage, firstRead, reading);
    }

    /**
     * The group showing {@code renamed} (a participant, known by id) with their new display name and handle; empty
     * when it shows them so already. Nothing else changes: the last message keeps the name it was sent with.
     */
    public Optional<MessageGroup> showing(Participant renamed) {
        boolean renamingFirst = isFirst(renamed.id());
        if ((renamingFirst ? first : second).equals(renamed)) {
            return Optional.empty();
        }
        return Optional.of(renamingFirst
                ? new MessageGroup(id, renamed, second, lastMessage, firstRead, secondRead)
                : new MessageGroup(id, first, renamed, lastMessage, firstRead, secondRead));
    }

    /** Each participant's inbox row: one per participant, showing the other one and what they have not read. */
    public List<InboxEntry> inboxEntries() {
        return List.of(inboxEntryOf(first.id()), inboxEntryOf(second.id()));
    }

    /** {@code participant}'s inbox row. */
    public InboxEntry inboxEntryOf(UserId participant) {
        return isFirst(participant)
                ? new InboxEntry(first.id(), id, second, lastMessage, firstRead.unread())
                : new InboxEntry(second.id(), id, first, lastMessage, secondRead.unread());
    }

    /** A conversation just started: the group and the message that started it, stored together. */
    public record Conversation(MessageGroup group, Message firstMessage) {
    }
}
