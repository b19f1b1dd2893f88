package com.cruddur.messaging.application.port;

import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Timestamp;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The messages of each conversation. */
public interface Messages {

    /**
     * Stores a message without ever overwriting another: when its instant is taken in its group, it moves forward
     * a microsecond at a time until it fits.
     *
     * <p>Stored once, however often the store is asked: a write whose answer was lost and that is sent again is
     * recognised as this message, never moved on as another one.
     *
     * @param request the client's idempotency key with its request; its key counts as unused once it expired
     * (at the message's {@code createdAt}), whatever the store still holds
     * @return the message as stored (its {@code createdAt} may be later than asked); with a key that this sender
     * used already for the same request, nothing is stored and the message stored the first time is returned
     * instead; errors with {@link IdempotencyKeyReusedException} when the key was used for another request
     */
    Mono<Message> append(Message message, Optional<IdempotentRequest> request);

    /**
     * One page of a group's messages, newest first. {@code after} is a position from a previous page (older
     * messages follow).
     */
    Mono<Page<Message>> newestFirst(MessageGroupId group, int limit, Optional<String> after);

    /** The message with this id at this instant in the group (strongly consistent); empty when there is none. */
    Mono<Message> find(MessageGroupId group, MessageId id, Timestamp createdAt);

    /**
     * The message with this id in the group, strongly consistent: searched newest first, back to {@code since}
     * (inclusive) or through the whole conversation when it is empty; empty when there is none. Its cost grows with
     * the messages newer than the one found (all of the searched range when there is none).
     */
    Mono<Message> findById(MessageGroupId group, MessageId id, Optional<Timestamp> since);

    /**
     * Stores {@code next} (the same message edited, or its tombstone) over {@code current}: its text, when it was
     * edited and whether it is deleted. Only if the stored message is still {@code current} (same text, not
     * deleted); a tombstone keeps no text in the store.
     *
     * @return empty on success; errors with {@link ConcurrentUpdateException} when the stored message is no longer
     * {@code current} (another change won) or is not stored
     */
    Mono<Void> rewrite(Message current, Message next);

    /**
     * The group's messages after {@code after} up to and including {@code upTo}, oldest first, read strongly
     * consistently and lazily: a subscriber that takes only some of them stops the reading.
     */
    Flux<Message> between(MessageGroupId group, Timestamp after, Timestamp upTo);
}
