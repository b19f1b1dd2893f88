package com.cruddur.messaging.application;

import com.cruddur.messaging.application.live.Announcements;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * A sender deletes their message, at any time: a tombstone without its text stays in its place, so the
 * conversation keeps its shape. Deleting a tombstone again changes nothing. The message is looked up by its uuid
 * newest first through the conversation until it is found: the cost grows with the messages sent after it.
 */
public final class DeleteMessage {

    private final MessageChanges changes;
    private final Messages messages;
    private final Clock clock;

    public DeleteMessage(MessageGroups groups, Messages messages, Clock clock) {
        this(groups, messages, clock, Announcements.NONE);
    }

    public DeleteMessage(MessageGroups groups, Messages messages, Clock clock, Announcements announcements) {
        this.changes = new MessageChanges(groups, messages, announcements);
        this.messages = messages;
        this.clock = clock;
    }

    /** The tombstone. */
    public Mono<Message> delete(Command command) {
        return Mono.defer(() -> changes.change(command.deleter(), command.group(), command.message(),
                Timestamp.of(clock.instant()),
                group -> messages.findById(group, command.message(), Optional.empty()),
                stored -> stored.deletedBy(command.deleter().id())));
    }

    public record Command(Participant deleter, MessageGroupId group, MessageId message) {

        public Command {
            Objects.requireNonNull(deleter, "deleter");
            Objects.requireNonNull(group, "message group");
            Objects.requireNonNull(message, "message");
        }

        /** Builds the command from a client's raw values, reporting every broken rule at once. */
        public static Command of(Participant deleter, String group, String messageUuid) {
            var collector = new InvalidCommandException.Collector();
            MessageGroupId groupId = collector.attempt(() -> MessageGroupId.of(group));
            MessageId message = collector.attempt(() -> MessageId.of(messageUuid));
            collector.check();
            return new Command(deleter, groupId, message);
        }
    }
}
