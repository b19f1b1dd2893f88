package com.cruddur.messaging.application.port;

import com.cruddur.messaging.domain.Block;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.UserId;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Who blocked whom. A block is stored together with the pair's conversation, when they have one, so that a send
 * reads the block with the conversation it reads anyway (see {@link MessageGroup#blocksMessagesFrom}), and a
 * conversation is never started past a block ({@link MessageGroups#start}).
 *
 * <p>Errors: {@link com.cruddur.messaging.application.StoreUnavailableException} when the store cannot answer.
 */
public interface Blocks {

    /** The block {@code blocker} made on {@code blocked}, read strongly consistently; empty when there is none. */
    Mono<Block> find(UserId blocker, UserId blocked);

    /**
     * Stores the block, atomically with the pair's conversation changed as {@code conversation} says (its blocker's
     * reading blocking), or, when the pair has no conversation, on condition that none was started meanwhile. A
     * block already stored is replaced.
     *
     * @return empty on success; errors with {@link ConcurrentUpdateException} when the conversation changed or one
     * was started meanwhile (read the pair again and retry)
     */
    Mono<Void> block(Block block, Optional<GroupChange> conversation);

    /**
     * Removes the block of {@code blocker} on {@code blocked} (nothing when there is none), atomically with the
     * pair's conversation changed as {@code conversation} says; same conditions and errors as {@link #block}.
     */
    Mono<Void> unblock(UserId blocker, UserId blocked, Optional<GroupChange> conversation);

    /** One page of {@code blocker}'s blocks, in the order of the blocked users' ids; {@code after} from a page before. */
    Mono<Page<Block>> list(UserId blocker, int limit, Optional<String> after);

    /** A conversation as read ({@code current}) and as it is to be stored ({@code next}), as {@link MessageGroups#update}. */
    record GroupChange(MessageGroup current, MessageGroup next) {

        public GroupChange {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(next, "next");
        }
    }
}
