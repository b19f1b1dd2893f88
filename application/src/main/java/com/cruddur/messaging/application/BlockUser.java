package com.cruddur.messaging.application;

import com.cruddur.messaging.application.port.Blocks;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.UserDirectory;
import com.cruddur.messaging.domain.Block;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import java.time.Clock;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The caller blocks a user by handle: from then on that user can neither start a conversation with the caller nor
 * send into theirs, and their messages do not count as unread for the caller. Blocking someone blocked already
 * changes nothing and answers the block made first.
 *
 * <p>The block and the pair's conversation (its blocker's unread count set to 0, and the flag a send reads) are
 * stored in one atomic write; one that loses to a move, a read or a start reads the pair again and retries.
 */
public final class BlockUser {

    private final BlockTargets targets;
    private final Blocks blocks;
    private final Clock clock;

    public BlockUser(UserDirectory directory, MessageGroups groups, Blocks blocks, Clock clock) {
        this.targets = new BlockTargets(directory, groups);
        this.blocks = blocks;
        this.clock = clock;
    }

    public Mono<Block> block(Command command) {
        Participant blocker = command.blocker();
        return targets.other(blocker, command.handle())
                .flatMap(blocked -> blocks.find(blocker.id(), blocked.id())
                        .switchIfEmpty(Mono.defer(() -> store(
                                new Block(blocker.id(), blocked, Timestamp.of(clock.instant()))))))
                .contextWrite(UseCasePattern.K::declareIn);
    }

    private Mono<Block> store(Block block) {
        return Mono.defer(() -> targets.conversation(block.blocker(), block.blocked().id(), MessageGroup::blockedBy)
                        .flatMap(conversation -> blocks.block(block, conversation)))
                .retryWhen(SettleRaces.RETRY)
                .thenReturn(block);
    }

    /** {@code handle} as the route has it, without its {@code @}. */
    public record Command(Participant blocker, String handle) {

        public Command {
            Objects.requireNonNull(blocker, "blocker");
            Objects.requireNonNull(handle, "handle");
        }
    }
}
