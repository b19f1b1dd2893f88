package com.cruddur.messaging.application.port;

import com.cruddur.messaging.domain.IdempotencyKey;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** The messages of each conversation. */
public interface Messages {

    /**
     * Stores a message without ever overwriting another: when its instant is taken in its group, it moves forward
     * a microsecond at a time until it fits.
     *
     * @return the message as stored (its {@code createdAt} may be later than asked); with a key that this sender
     * used already, nothing is stored and the message stored the first time is returned instead.
     */
    Mono<Message> append(Message message, Optional<IdempotencyKey> key);

    /**
     * One page of a group's messages, newest first. {@code after} is a position from a previous page (older
     * messages follow).
     */
    Mono<Page<Message>> newestFirst(MessageGroupId group, int limit, Optional<String> after);
}
