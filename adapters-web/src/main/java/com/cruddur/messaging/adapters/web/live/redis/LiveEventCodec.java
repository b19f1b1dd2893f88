package com.cruddur.messaging.adapters.web.live.redis;

import com.cruddur.messaging.application.live.LiveEvent;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ReadPosition;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live event as it travels on a Redis channel: JSON of this adapter's own shape (not the API's, which may change
 * on its own), every value in the form the table stores it. Instances of two versions during a rolling deployment
 * read each other's events as long as this shape only gains fields.
 */
final class LiveEventCodec {

    private static final String MESSAGE = "message";
    private static final String CONVERSATION = "conversation";
    private static final String READ = "read";
    private static final String CHANGED = "changed";

    private final JsonMapper json = JsonMapper.builder().build();

    String encode(LiveEvent event) {
        Wire wire;
        if (event instanceof LiveEvent.NewConversation conversation) {
            wire = new Wire(CONVERSATION, conversation.recipient().toString(), WireMessage.of(conversation.first()),
                    WireEntry.of(conversation.entry()), null);
        } else if (event instanceof LiveEvent.InboxRowChanged changed) {
            wire = new Wire(READ, changed.recipient().toString(), null, WireEntry.of(changed.entry()),
                    WireReadPosition.of(changed.position()));
        } else if (event instanceof LiveEvent.MessageChanged changed) {
            wire = new Wire(CHANGED, changed.recipient().toString(), WireMessage.of(changed.message()), null, null,
                    changed.changedAt().format());
        } else {
            LiveEvent.NewMessage message = (LiveEvent.NewMessage) event;
            wire = new Wire(MESSAGE, message.recipient().toString(), WireMessage.of(message.message()), null, null);
        }
        return json.writeValueAsString(wire);
    }

    /** Throws for anything this adapter did not write. */
    LiveEvent decode(String text) {
        Wire wire = json.readValue(text, Wire.class);
        UserId recipient = UserId.of(wire.recipient());
        return switch (wire.kind()) {
            case MESSAGE -> new LiveEvent.NewMessage(recipient, wire.message().toMessage());
            case CONVERSATION -> new LiveEvent.NewConversation(wire.entry().toEntry(recipient),
                    wire.message().toMessage());
            case READ -> new LiveEvent.InboxRowChanged(wire.entry().toEntry(recipient), wire.read().toPosition());
            case CHANGED -> new LiveEvent.MessageChanged(recipient, wire.message().toMessage(),
                    Timestamp.parse(wire.changedAt()));
            default -> throw new IllegalArgumentException("unknown live event kind " + wire.kind());
        };
    }

    /** {@code changedAt} only on a changed message's event. */
    record Wire(String kind, String recipient, WireMessage message, WireEntry entry, WireReadPosition read,
                String changedAt) {

        Wire(String kind, String recipient, WireMessage message, WireEntry entry, WireReadPosition read) {
            this(kind, recipient, message, entry, read, null);
        }
    }

    record WireReadPosition(String message, String at) {

        static WireReadPosition of(ReadPosition position) {
            return new WireReadPosition(position.message().toString(), position.at().format());
        }

        ReadPosition toPosition() {
            return new ReadPosition(MessageId.of(message), Timestamp.parse(at));
        }
    }

    record WireParticipant(String id, String displayName, String handle) {

        static WireParticipant of(Participant participant) {
            return new WireParticipant(participant.id().toString(), participant.displayName(),
                    participant.handle().value());
        }

        Participant toParticipant() {
            return new Participant(UserId.of(id), displayName, new Handle(handle));
        }
    }

    /** {@code editedAt} and {@code deleted} are absent from events of an instance that predates edits. */
    record WireMessage(String id, String group, WireParticipant sender, String text, String createdAt,
                       String editedAt, Boolean deleted) {

        static WireMessage of(Message message) {
            return new WireMessage(message.id().toString(), message.groupId().toString(),
                    WireParticipant.of(message.sender()), message.text(), message.createdAt().format(),
                    message.editedAt().map(Timestamp::format).orElse(null), message.deleted());
        }

        Message toMessage() {
            return new Message(MessageId.of(id), MessageGroupId.of(group), sender.toParticipant(), text,
                    Timestamp.parse(createdAt), Optional.ofNullable(editedAt).map(Timestamp::parse), Boolean.TRUE.equals(deleted));
        }
    }

    /** {@code unreadCount} is absent from events of an instance that predates read markers: it reads as 0. */
    record WireEntry(String group, WireParticipant other, String lastAt, String lastText, int unreadCount) {

        static WireEntry of(InboxEntry entry) {
            return new WireEntry(entry.groupId().toString(), WireParticipant.of(entry.other()),
                    entry.lastMessage().at().format(), entry.lastMessage().text(), entry.unreadCount());
        }

        InboxEntry toEntry(UserId owner) {
            return new InboxEntry(owner, MessageGroupId.of(group), other.toParticipant(),
                    new LastMessage(Timestamp.parse(lastAt), lastText), unreadCount);
        }
    }
}
