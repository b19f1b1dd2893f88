package com.cruddur.messaging.application;

import com.cruddur.messaging.application.live.Announcements;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * What editing and deleting a message share: only a participant may see the conversation (to anyone else it does
 * not exist), the stored message is changed on condition that it is still as read (a change that loses to another
 * one reads it again and decides again), then the inbox rows show it when it is the conversation's last message,
 * and both participants' streams are told.
 *
 * <p>The inbox rows are brought up to the stored message (read again after the write), conditionally on the stored
 * group: of two racing changes, or a change racing pattern E's move or a new message, the last conditional write
 * shows the message as it is stored, never a text it no longer has. When pattern E has not yet moved the rows to
 * the changed message, the change makes that move itself (exactly as E would, counting the messages it passes):
 * E may have read the message before it changed, and its move then loses its condition instead of writing the old
 * text.
 */
final class MessageChanges {

    /** How a use case changes the message it found: empty when there is nothing to change. */
    interface Change extends Function<Message, Optional<Message>> {
    }

    private final MessageGroups groups;
    private final Messages messages;
    private final Announcements announcements;

    MessageChanges(MessageGroups groups, Messages messages, Announcements announcements) {
        this.groups = groups;
        this.messages = messages;
        this.announcements = announcements;
    }

    /**
     * The message as it is after {@code change}; {@code lookup} finds it in the caller's conversation, {@code at} is
     * when the change is made.
     */
    Mono<Message> change(Participant caller, MessageGroupId groupId, MessageId id, Timestamp at,
                         Function<MessageGroupId, Mono<Message>> lookup, Change change) {
        return groups.find(groupId)
                .filter(group -> group.hasParticipant(caller.id()))
                .switchIfEmpty(Mono.error(() -> NotFoundException.messageGroup(groupId)))
                .flatMap(group -> Mono.defer(() -> lookup.apply(groupId)
                                .switchIfEmpty(Mono.error(() -> NotFoundException.messageInGroup(id)))
                                .flatMap(stored -> change.apply(stored)
                                        .map(next -> messages.rewrite(stored, next).thenReturn(Optional.of(next)))
                                        .orElseGet(() -> Mono.just(Optional.<Message>empty()))
                                        .map(next -> new Outcome(stored, next))))
                        .retryWhen(SettleRaces.RETRY)
                        .flatMap(outcome -> outcome.next()
                                .map(next -> showInInbox(next)
                                        .then(announcements.changed(next, at, group.first().id(), group.second().id()))
                                        .thenReturn(next))
                                .orElseGet(() -> Mono.just(outcome.stored()))))
                .contextWrite(UseCasePattern.U::declareIn);
    }

    private record Outcome(Message stored, Optional<Message> next) {
    }

    private Mono<Void> showInInbox(Message changed) {
        return Mono.defer(() -> messages.find(changed.groupId(), changed.id(), changed.createdAt())
                        .zipWith(groups.find(changed.groupId()))
                        .flatMap(storedAndGroup -> bringUp(storedAndGroup.getT2(), storedAndGroup.getT1())))
                .retryWhen(SettleRaces.RETRY);
    }

    /** The group showing {@code stored} when it is its last message, moved to it when it is newer. */
    private Mono<Void> bringUp(MessageGroup group, Message stored) {
        if (group.lastMessage().at().isAfter(stored.createdAt())) {
            return Mono.empty();
        }
        if (group.lastMessage().at().equals(stored.createdAt())) {
            return group.showing(stored).map(shown -> groups.update(group, shown)).orElseGet(Mono::empty);
        }
        return messages.between(group.id(), group.lastMessage().at(), stored.createdAt())
                .collectList()
                .flatMap(arrivals -> group.movedTo(stored, arrivals)
                        .map(moved -> groups.update(group, moved))
                        .orElseGet(Mono::empty));
    }
}
