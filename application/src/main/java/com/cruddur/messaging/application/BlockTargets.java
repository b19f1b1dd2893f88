package com.cruddur.messaging.application;

import com.cruddur.messaging.application.port.Blocks;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.Block;
import com.cruddur.messaging.domain.DomainViolation;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.UserId;
import java.util.Optional;
import java.util.function.BiFunction;
import reactor.core.publisher.Mono;

/** What blocking and unblocking share: whom a handle names, and the pair's conversation as it is to change. */
final class BlockTargets {

    private final UserDirectory directory;
    private final MessageGroups groups;

    BlockTargets(UserDirectory directory, MessageGroups groups) {
        this.directory = directory;
        this.groups = groups;
    }

    /** The user {@code handle} names (404 when nobody, or when it is no handle at all); never the caller. */
    Mono<Participant> other(Participant caller, String handle) {
        return Mono.fromCallable(() -> new Handle(handle))
                .onErrorMap(DomainViolation.class, notAHandle -> NotFoundException.handle(handle))
                .flatMap(directory::findByHandle)
                .switchIfEmpty(Mono.error(() -> NotFoundException.handle(handle)))
                .doOnNext(other -> Block.refuseSelf(caller.id(), other.id()));
    }

    /**
     * The pair's conversation as read now and as {@code change} makes it for {@code blocker} (as read, when it
     * changes nothing); empty when the pair has no conversation.
     */
    Mono<Optional<Blocks.GroupChange>> conversation(UserId blocker, UserId other,
                                                    BiFunction<MessageGroup, UserId, Optional<MessageGroup>> change) {
        return groups.findByPair(ParticipantPair.of(blocker, other))
                .flatMap(groups::find)
                .map(group -> Optional.of(new Blocks.GroupChange(group, change.apply(group, blocker).orElse(group))))
                .defaultIfEmpty(Optional.empty());
    }
}
