package com.cruddur.messaging.application.live;

import com.cruddur.messaging.application.port.LiveEvents;
import com.cruddur.messaging.domain.UserId;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * Fan-out within one process (the embedded default, or a single instance): one multicast sink, each stream taking
 * its recipient's events. A stream that cannot keep up does not hold the others back: each stream bounds its own
 * buffer.
 *
 * <p>Concurrent sends publish from several threads (the request and store event loops), and a sink's subscribers
 * must be signalled one event at a time. Events are queued, and whichever publisher finds no one delivering
 * delivers the queue, its own event and those published meanwhile: no publisher waits, spins or is refused
 * (a sink's own contention handling refuses an event after a deadline, and spinning would hold an event loop).
 */
public final class InProcessLiveEvents implements LiveEvents {

    private final Sinks.Many<LiveEvent> sink = Sinks.unsafe().many().multicast().directBestEffort();
    private final Queue<LiveEvent> queued = Queues.<LiveEvent>unboundedMultiproducer().get();
    private final AtomicInteger undelivered = new AtomicInteger();

    @Override
    public Mono<Void> publish(LiveEvent event) {
        return Mono.fromRunnable(() -> {
            queued.offer(event);
            deliverQueued();
        });
    }

    @Override
    public Flux<LiveEvent> receive(UserId user) {
        return sink.asFlux().filter(event -> event.recipient().equals(user));
    }

    /** Counts the events offered; the publisher that takes the count from zero delivers until it is zero again. */
    private void deliverQueued() {
        if (undelivered.getAndIncrement() != 0) {
            return;
        }
        int taken = 1;
        do {
            LiveEvent next;
            while ((next = queued.poll()) != null) {
                // No stream open, or a stream without demand: best effort, as with any stream that is not there.
                sink.tryEmitNext(next);
            }
            taken = undelivered.addAndGet(-taken);
        } while (taken != 0);
    }
}
