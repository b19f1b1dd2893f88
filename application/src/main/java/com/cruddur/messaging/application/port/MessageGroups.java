package com.cruddur.messaging.application.port;

import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.UserId;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The conversations: who is in each, their last message, and each user's inbox.
 *
 * <p>Errors: {@link com.cruddur.messaging.application.StoreUnavailableException} when the store cannot answer;
 * the write methods document the conflicts they signal.
 */
public interface MessageGroups {

    /**
     * The group with its participants and last message, read strongly consistently: a group whose start has
     * completed is always found, whatever any index lags behind. Empty when unknown.
     */
    Mono<MessageGroup> find(MessageGroupId id);

    /** The conversation between these two people, if they have one (strongly consistent). */
    Mono<MessageGroupId> findByPair(ParticipantPair pair);

    /**
     * Stores a new conversation atomically: both inbox rows, its first message and the pair's claim on it (and the
     * idempotency record when a key is given); either all of it or none. A start whose answer was lost and that is
     * sent again is recognised as this start (success), never as another conversation of the pair.
     *
     * @return empty on success; errors with {@link ConversationAlreadyExistsException} when the pair already has a
     * group (another request won the race), {@link DuplicateRequestException} when the key was used already for
     * the same request, {@link IdempotencyKeyReusedException} when it was used for another request (an expired
     * key counts as unused, see {@link Messages#append}), or {@link BlockedException} when the recipient (the
     * conversation's second participant) has blocked the sender, checked in the same atomic write.
     */
    Mono<Void> start(MessageGroup.Conversation conversation, Optional<IdempotentRequest> request);

    /**
     * Stores {@code next} in place of {@code current}: its last message, both participants as shown (display name
     * and handle) and their reading, both inbox rows with them (moved when the last message moved), atomically and
     * only if the stored group is still {@code current} (its last message, instant and text: an edited or deleted
     * last message changes the text at the same instant; both read positions; who blocks whom; both participants'
     * names). Every writer of the rows goes through here, so a move that read a participant's old name loses to the
     * rename that stored the new one, and reads again.
     *
     * @return empty on success; errors with {@link ConcurrentUpdateException} when the group changed meanwhile.
     */
    Mono<Void> update(MessageGroup current, MessageGroup next);

    /** A user's inbox, most recent conversation first. {@code after} is a position from a previous page. */
    Mono<Page<InboxEntry>> inbox(UserId owner, int limit, Optional<String> after);
}
