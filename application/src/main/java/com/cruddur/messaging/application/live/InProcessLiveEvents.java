package com.cruddur.messaging.application.live;

import com.cruddur.messaging.application.port.LiveEvents;
import com.cruddur.messaging.domain.UserId;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Fan-out within one process (the embedded default, or a single instance): one multicast sink, each stream taking
 * its recipient's events. A stream that cannot keep up does not hold the others back: each stream bounds its own
 * buffer.
 */
public final class InProcessLiveEvents implements LiveEvents {

    /** Concurrent sends emit from several threads; the sink serialises them by retrying briefly. */
    private static final Sinks.EmitFailureHandler WHILE_CONTENDED = Sinks.EmitFailureHandler.busyLooping(
            Duration.ofMillis(200));

    private final Sinks.Many<LiveEvent> sink = Sinks.many().multicast().directBestEffort();

    @Override
    public Mono<Void> publish(LiveEvent event) {
        return Mono.fromRunnable(() -> sink.emitNext(event, WHILE_CONTENDED));
    }

    @Override
    public Flux<LiveEvent> receive(UserId user) {
        return sink.asFlux().filter(event -> event.recipient().equals(user));
    }
}
