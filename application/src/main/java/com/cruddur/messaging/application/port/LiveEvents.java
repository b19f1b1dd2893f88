package com.cruddur.messaging.application.port;

import com.cruddur.messaging.application.live.LiveEvent;
import com.cruddur.messaging.domain.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fan-out of live events to the streams open for each user, on this instance or on any other. Best effort: the
 * table holds everything, so an event lost here is read back when the client reconnects.
 */
public interface LiveEvents {

    /** Hands an event to every stream of its recipient; completes once handed over, errors when it could not be. */
    Mono<Void> publish(LiveEvent event);

    /**
     * The events published for {@code user} from the subscription on, in publishing order. Errors (or completes)
     * when the fan-out is lost; the stream then ends and its client resumes from its last event.
     */
    Flux<LiveEvent> receive(UserId user);

    /**
     * {@link #receive(UserId)}, calling {@code ready} once the subscription takes every event published from then
     * on: a shared fan-out confirms its subscription with the broker first, so a stream reads back what its
     * client missed only after that, and nothing falls between the two. Errors when no subscription can be made.
     */
    default Flux<LiveEvent> receive(UserId user, Runnable ready) {
        return receive(user).doOnSubscribe(subscription -> ready.run());
    }
}
