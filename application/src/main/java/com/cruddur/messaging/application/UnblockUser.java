package com.cruddur.messaging.application;

import com.cruddur.messaging.application.port.Blocks;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.UserId;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The caller no longer blocks a user: that user may send to them again, and their messages count as unread from
 * then on (those that arrived during the block are not counted until the caller's next read recounts). Unblocking
 * someone not blocked changes nothing.
 */
public final class UnblockUser {

    private final BlockTargets targets;
    private final Blocks blocks;

    public UnblockUser(UserDirectory directory, MessageGroups groups, Blocks blocks) {
        this.targets = new BlockTargets(directory, groups);
        this.blocks = blocks;
    }

    public Mono<Void> unblock(Command command) {
        UserId blocker = command.blocker().id();
        return targets.other(command.blocker(), command.handle())
                .flatMap(blocked -> blocks.find(blocker, blocked.id())
                        .flatMap(block -> Mono.defer(() -> targets.conversation(blocker, blocked.id(),
                                                MessageGroup::unblockedBy)
                                        .flatMap(conversation -> blocks.unblock(blocker, blocked.id(), conversation)))
                                .retryWhen(SettleRaces.RETRY)))
                .then()
                .contextWrite(UseCasePattern.K::declareIn);
    }

    /** {@code handle} as the route has it, without its {@code @}. */
    public record Command(Participant blocker, String handle) {

        public Command {
            Objects.requireNonNull(blocker, "blocker");
            Objects.requireNonNull(handle, "handle");
        }
    }
}
