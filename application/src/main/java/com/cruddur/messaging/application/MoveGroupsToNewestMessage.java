package com.cruddur.messaging.application;

import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.NewestPerGroup;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Pattern E: after messages are stored, both participants' inbox rows of each conversation move to its newest
 * message. A batch makes one move per conversation; a move only ever goes forward, so batches delivered twice,
 * late or out of order change nothing. A move that loses a race reads again and retries.
 */
public final class MoveGroupsToNewestMessage {

    private static final int GROUPS_IN_PARALLEL = 8;

    private final MessageGroups groups;
    private final Messages messages;

    public MoveGroupsToNewestMessage(MessageGroups groups, Messages messages) {
        this.groups = groups;
        this.messages = messages;
    }

    /** One result per conversation in the batch; a failed move is reported, never thrown. */
    public Mono<List<GroupMove>> apply(List<Message> batch) {
        return Flux.fromIterable(NewestPerGroup.of(batch))
                .flatMapSequential(newest -> moveTo(newest)
                        .onErrorResume(failure -> Mono.just(GroupMove.failed(newest, failure))), GROUPS_IN_PARALLEL)
                .collectList()
                .contextWrite(UseCasePattern.E::declareIn);
    }

    /**
     * A move that lost a race (to another move or to a participant marking it read) reads the conversation again
     * and retries, a few times within the batch; a race that does not settle is reported as FAILED for the caller to
     * retry the batch later.
     *
     * <p>The unread counts move with the row: a move counts the messages stored between the last message it read
     * and the newest one, whichever batches brought them, so a message is counted once however batches are replayed
     * or reordered.
     */
    private Mono<GroupMove> moveTo(Message newest) {
        return Mono.defer(() -> groups.find(newest.groupId())
                        .flatMap(group -> newest.createdAt().isAfter(group.lastMessage().at())
                                ? moveFrom(group, newest)
                                : Mono.just(new GroupMove(newest, Outcome.ALREADY_CURRENT, Optional.empty())))
                        .defaultIfEmpty(new GroupMove(newest, Outcome.UNKNOWN_GROUP, Optional.empty())))
                .retryWhen(SettleRaces.RETRY);
    }

    private Mono<GroupMove> moveFrom(MessageGroup group, Message newest) {
        return messages.between(group.id(), group.lastMessage().at(), newest.createdAt())
                .collectList()
                .flatMap(arrivals -> group.movedTo(asStored(newest, arrivals), arrivals)
                        .map(moved -> groups.update(group, moved)
                                .thenReturn(new GroupMove(newest, Outcome.MOVED, Optional.empty())))
                        .orElseGet(() -> Mono.just(new GroupMove(newest, Outcome.ALREADY_CURRENT, Optional.empty()))));
    }

    /**
     * The newest message as the table holds it now: the batch carries it as it was sent, and its sender may have
     * edited or deleted it since; the rows must not show a text it no longer has.
     */
    private static Message asStored(Message newest, List<Message> arrivals) {
        return arrivals.stream().filter(message -> message.id().equals(newest.id())).findFirst().orElse(newest);
    }

    public enum Outcome {
        /** Both inbox rows now show this message. */
        MOVED,
        /** The conversation already shows this message or a newer one. */
        ALREADY_CURRENT,
        /** No such conversation is stored; nothing can be moved and retrying will not change that. */
        UNKNOWN_GROUP,
        /** The move could not be made now (the store failed or the races did not settle); retry later. */
        FAILED
    }

    public record GroupMove(Message newest, Outcome outcome, Optional<Throwable> failure) {

        public GroupMove {
            Objects.requireNonNull(newest, "newest");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(failure, "failure");
        }

        static GroupMove failed(Message newest, Throwable failure) {
            return new GroupMove(newest, Outcome.FAILED, Optional.of(failure));
        }

        public MessageGroupId group() {
            return newest.groupId();
        }
    }
}
