package com.cruddur.messaging.application.live;

import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.ReadPosition;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import java.util.Objects;

/**
 * Something a signed-in user's open streams are told: a new message in one of their conversations, or a
 * conversation that appeared in their inbox. Every event has an {@link EventId} that orders it among the user's
 * events, so a client that reconnects says where it stopped.
 */
public sealed interface LiveEvent {

    /** The user whose streams receive it. */
    UserId recipient();

    EventId id();

    /** A new message in one of the recipient's conversations (their own sends from another device too). */
    record NewMessage(UserId recipient, Message message) implements LiveEvent {

        public NewMessage {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public EventId id() {
            return EventId.ofMessage(message);
        }
    }

    /**
     * The recipient's inbox row of a conversation changed without a new message: they marked it read up to
     * {@code position} (on this device or another), so its unread count changed.
     */
    record InboxRowChanged(InboxEntry entry, ReadPosition position) implements LiveEvent {

        public InboxRowChanged {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(position, "read position");
        }

        @Override
        public UserId recipient() {
            return entry.owner();
        }

        @Override
        public EventId id() {
            return EventId.ofRead(position);
        }
    }

    /**
     * A conversation that appeared in the recipient's inbox, as pattern B lists it; {@code first} is the message
     * that started it (its id orders the event just before that message's own).
     */
    record NewConversation(InboxEntry entry, Message first) implements LiveEvent {

        public NewConversation {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(first, "first message");
        }

        @Override
        public UserId recipient() {
            return entry.owner();
        }

        @Override
        public EventId id() {
            return EventId.ofConversation(first);
        }
    }

    /**
     * A message of one of the recipient's conversations was edited or deleted at {@code changedAt}: {@code message}
     * is as it is now stored (its new text and {@code editedAt}, or its tombstone).
     */
    record MessageChanged(UserId recipient, Message message, Timestamp changedAt) implements LiveEvent {

        public MessageChanged {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(changedAt, "changed at");
        }

        @Override
        public EventId id() {
            return EventId.ofChange(changedAt, message.id());
        }
    }
}
