package com.cruddur.messaging.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One message in a conversation, with its sender as the directory knew them when it was sent; {@code editedAt}
 * once its sender changed its text, {@code deleted} once they deleted it (a tombstone: its text is gone, its place in
 * the conversation stays).
 */
public record Message(MessageId id, MessageGroupId groupId, Participant sender, String text, Timestamp createdAt,
                      Optional<Timestamp> editedAt, boolean deleted) {

    public Message {
        Objects.requireNonNull(id, "message id");
        Objects.requireNonNull(groupId, "message group id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(editedAt, "edited at");
        if (deleted && !text.isEmpty()) {
            throw new IllegalArgumentException("a deleted message keeps no text");
        }
    }

    /** A message as sent, never edited nor deleted. */
    public Message(MessageId id, MessageGroupId groupId, Participant sender, String text, Timestamp createdAt) {
        this(id, groupId, sender, text, createdAt, Optional.empty(), false);
    }

    /** A new message; its text must pass the rules (stored messages are read back as they are). */
    public static Message compose(MessageId id, MessageGroupId groupId, Participant sender, MessageText text,
                                  Timestamp createdAt) {
        return new Message(id, groupId, sender, text.value(), createdAt);
    }

    /** The same message moved to another instant, for the same-instant collision rule. */
    public Message at(Timestamp instant) {
        return new Message(id, groupId, sender, text, instant, editedAt, deleted);
    }

    /**
     * The message with {@code newText}, edited at {@code now} by {@code editor}: only its sender may, only while
     * {@code window} is open, and never once it is deleted.
     *
     * @throws MessageChangeRefused when the rules refuse it
     */
    public Message editedBy(UserId editor, MessageText newText, Timestamp now, EditWindow window) {
        requireSender(editor);
        if (deleted) {
            throw new MessageChangeRefused(MessageChangeRefused.Reason.MESSAGE_DELETED,
                    "message " + id + " is deleted; there is nothing left to edit");
        }
        if (!window.isOpen(createdAt, now)) {
            throw new MessageChangeRefused(MessageChangeRefused.Reason.EDIT_WINDOW_PASSED, "message " + id
                    + " can no longer be edited: messages can be edited for " + window + " after they are sent");
        }
        return new Message(id, groupId, sender, newText.value(), createdAt, Optional.of(now), false);
    }

    /**
     * The tombstone {@code deleter} leaves of this message: only its sender may delete it, at any time; empty when
     * it is deleted already (deleting twice changes nothing).
     *
     * @throws MessageChangeRefused when it is someone else's
     */
    public Optional<Message> deletedBy(UserId deleter) {
        requireSender(deleter);
        return deleted ? Optional.empty() : Optional.of(new Message(id, groupId, sender, "", createdAt, editedAt, true));
    }

    private void requireSender(UserId user) {
        if (!sender.id().equals(user)) {
            throw new MessageChangeRefused(MessageChangeRefused.Reason.NOT_YOUR_MESSAGE,
                    "message " + id + " is not yours: only its sender can change it");
        }
    }

    public boolean isNewerThan(Message other) {
        return createdAt.isAfter(other.createdAt)
                || (createdAt.equals(other.createdAt) && id.value().compareTo(other.id.value()) > 0);
    }
}
