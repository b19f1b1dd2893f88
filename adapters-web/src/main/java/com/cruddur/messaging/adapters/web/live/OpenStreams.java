package com.cruddur.messaging.adapters.web.live;

import com.cruddur.messaging.domain.UserId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The streams open on this instance: at most {@code maxStreams} per user, counted in the metrics, and all ended
 * when the service shuts down (before the web server's graceful shutdown waits for requests to finish, which an
 * endless stream never would).
 */
public final class OpenStreams implements SmartLifecycle {

    private final int maxPerUser;
    private final Map<UserId, AtomicInteger> perUser = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Sinks.Empty<Void> shutdown = Sinks.empty();
    private final MeterRegistry registry;
    private final Counter droppedSlowClients;
    private volatile boolean running;

    public OpenStreams(int maxPerUser, MeterRegistry registry) {
        this.maxPerUser = maxPerUser;
        this.registry = registry;
        Gauge.builder("cruddur.live.streams.open", open, AtomicInteger::get)
                .description("event streams open on this instance").register(registry);
        this.droppedSlowClients = Counter.builder("cruddur.live.slow.clients.dropped")
                .description("streams ended because their client did not read the buffered events").register(registry);
    }

    /** Takes a place for a stream of {@code user}; false when they have as many open as allowed. */
    public boolean tryOpen(UserId user) {
        AtomicInteger count = perUser.computeIfAbsent(user, key -> new AtomicInteger());
        if (count.incrementAndGet() > maxPerUser) {
            release(user);
            return false;
        }
        open.incrementAndGet();
        return true;
    }

    public void close(UserId user) {
        open.decrementAndGet();
        release(user);
    }

    private void release(UserId user) {
        perUser.computeIfPresent(user, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    public void sent(String event) {
        registry.counter("cruddur.live.events.sent", "event", event).increment();
    }

    public void droppedSlowClient() {
        droppedSlowClients.increment();
    }

    /** Completes when the service begins to shut down. */
    public Mono<Void> shuttingDown() {
        return shutdown.asMono();
    }

    public int open() {
        return open.get();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        shutdown.tryEmitEmpty();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops before the web server's graceful shutdown (phase {@code DEFAULT_PHASE - 1024}) waits for open requests;
     * a stream opened after that ends at once.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
