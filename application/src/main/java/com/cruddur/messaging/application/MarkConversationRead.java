package com.cruddur.messaging.application;

import com.cruddur.messaging.application.live.Announcements;
import com.cruddur.messaging.application.port.ConcurrentUpdateException;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ReadPosition;
import com.cruddur.messaging.domain.ReadState;
import com.cruddur.messaging.domain.Timestamp;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * A participant has seen a conversation up to a message: their read position moves there (forward only) and their
 * inbox row's unread count becomes the number of the other participant's messages after it. Only a participant may
 * mark it; to anyone else the conversation does not exist, and a message not in it is not found.
 *
 * <p>The count is recomputed here from the messages after the position (up to {@value ReadState#COUNTED_UP_TO}),
 * once per read; listing the inbox never counts. A read that races a move of pattern E (or another read of the
 * same person) loses its condition, reads the conversation again and counts again.
 */
public final class MarkConversationRead {

    private final MessageGroups groups;
    private final Messages messages;
    private final Announcements announcements;

    public MarkConversationRead(MessageGroups groups, Messages messages) {
        this(groups, messages, Announcements.NONE);
    }

    /** Each read that moves a marker is also announced to the reader's streams (their other devices). */
    public MarkConversationRead(MessageGroups groups, Messages messages, Announcements announcements) {
        this.groups = groups;
        this.messages = messages;
        this.announcements = announcements;
    }

    /** The reader's inbox row after reading (unchanged when they had read that far already). */
    public Mono<InboxEntry> mark(Command command) {
        return groups.find(command.group())
                .filter(group -> group.hasParticipant(command.reader().id()))
                .switchIfEmpty(Mono.error(() -> NotFoundException.messageGroup(command.group())))
                .flatMap(group -> messages.find(group.id(), command.position().message(), command.position().at())
                        .switchIfEmpty(Mono.error(() -> NotFoundException.message(command.position().message())))
                        .thenReturn(group))
                .flatMap(group -> readUpTo(group, command)
                        .onErrorResume(ConcurrentUpdateException.class, lost -> Mono.defer(() ->
                                        groups.find(command.group()).flatMap(again -> readUpTo(again, command)))
                                .retryWhen(SettleRaces.RETRY)))
                .map(group -> group.inboxEntryOf(command.reader().id()))
                .contextWrite(UseCasePattern.R::declareIn);
    }

    /** The group after the reader's position moved, as stored; the group itself when it would not move forward. */
    private Mono<MessageGroup> readUpTo(MessageGroup group, Command command) {
        if (!group.readStateOf(command.reader().id()).isBehind(command.position())) {
            return Mono.just(group);
        }
        return unreadAfter(group, command)
                .flatMap(unread -> group.readBy(command.reader().id(), command.position(), unread)
                        .map(read -> groups.update(group, read)
                                .then(announcements.read(read.inboxEntryOf(command.reader().id()), command.position()))
                                .thenReturn(read))
                        .orElseGet(() -> Mono.just(group)));
    }

    /** The other participant's messages after the position, up to the last one the inbox row shows. */
    private Mono<Integer> unreadAfter(MessageGroup group, Command command) {
        Timestamp from = command.position().at();
        if (!group.lastMessage().at().isAfter(from)) {
            return Mono.just(0);
        }
        return messages.between(group.id(), from, group.lastMessage().at())
                .filter(message -> !message.sender().id().equals(command.reader().id()))
                .take(ReadState.COUNTED_UP_TO)
                .count()
                .map(Long::intValue);
    }

    public record Command(Participant reader, MessageGroupId group, ReadPosition position) {

        public Command {
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(group, "message group");
            Objects.requireNonNull(position, "read position");
        }

        /** Builds the command from a client's raw values, reporting every broken rule at once. */
        public static Command of(Participant reader, String group, String messageUuid, String createdAt) {
            var collector = new InvalidCommandException.Collector();
            MessageGroupId groupId = collector.attempt(() -> MessageGroupId.of(group));
            MessageId message = collector.attempt(() -> MessageId.of(messageUuid));
            Timestamp at = collector.attempt(() -> Timestamp.parse(createdAt));
            collector.check();
            return new Command(reader, groupId, new ReadPosition(message, at));
        }
    }
}
