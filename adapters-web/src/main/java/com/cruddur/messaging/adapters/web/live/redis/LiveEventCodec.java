package com.cruddur.messaging.adapters.web.live.redis;

import com.cruddur.messaging.application.live.LiveEvent;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live event as it travels on a Redis channel: JSON of this adapter's own shape (not the API's, which may change
 * on its own), every value in the form the table stores it. Instances of two versions during a rolling deployment
 * read each other's events as long as this shape only gains fields.
 */
final class LiveEventCodec {

    private static final String MESSAGE = "message";
    private static final String CONVERSATION = "conversation";

    private final JsonMapper json = JsonMapper.builder().build();

    String encode(LiveEvent event) {
        Wire wire;
        if (event instanceof LiveEvent.NewConversation conversation) {
            wire = new Wire(CONVERSATION, conversation.recipient().toString(), WireMessage.of(conversation.first()),
                    WireEntry.of(conversation.entry()));
        } else {
            LiveEvent.NewMessage message = (LiveEvent.NewMessage) event;
            wire = new Wire(MESSAGE, message.recipient().toString(), WireMessage.of(message.message()), null);
        }
        return json.writeValueAsString(wire);
    }

    /** Throws for anything this adapter did not write. */
    LiveEvent decode(String text) {
        Wire wire = json.readValue(text, Wire.class);
        UserId recipient = UserId.of(wire.recipient());
        Message message = wire.message().toMessage();
        return switch (wire.kind()) {
            case MESSAGE -> new LiveEvent.NewMessage(recipient, message);
            case CONVERSATION -> new LiveEvent.NewConversation(wire.entry().toEntry(recipient), message);
            default -> throw new IllegalArgumentException("unknown live event kind " + wire.kind());
        };
    }

    record Wire(String kind, String recipient, WireMessage message, WireEntry entry) {
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

    record WireMessage(String id, String group, WireParticipant sender, String text, String createdAt) {

        static WireMessage of(Message message) {
            return new WireMessage(message.id().toString(), message.groupId().toString(),
                    WireParticipant.of(message.sender()), message.text(), message.createdAt().format());
        }

        Message toMessage() {
            return new Message(MessageId.of(id), MessageGroupId.of(group), sender.toParticipant(), text,
                    Timestamp.parse(createdAt));
        }
    }

    record WireEntry(String group, WireParticipant other, String lastAt, String lastText) {

        static WireEntry of(InboxEntry entry) {
            return new WireEntry(entry.groupId().toString(), WireParticipant.of(entry.other()),
                    entry.lastMessage().at().format(), entry.lastMessage().text());
        }

        InboxEntry toEntry(UserId owner) {
            return new InboxEntry(owner, MessageGroupId.of(group), other.toParticipant(),
                    new LastMessage(Timestamp.parse(lastAt), lastText));
        }
    }
}
