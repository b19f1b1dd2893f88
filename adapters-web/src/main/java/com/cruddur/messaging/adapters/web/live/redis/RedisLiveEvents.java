package com.cruddur.messaging.adapters.web.live.redis;

import com.cruddur.messaging.application.live.LiveEvent;
import com.cruddur.messaging.application.port.LiveEvents;
import com.cruddur.messaging.domain.UserId;
import io.lettuce.core.event.EventBus;
import io.lettuce.core.event.connection.DisconnectedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Fan-out across instances through Redis pub/sub: one channel per user ({@code <prefix>user:<uuid>}). A send
 * publishes each event on its recipient's channel; each open stream subscribes to its own user's channel (all
 * streams of an instance share one pub/sub connection).
 *
 * <p>Redis pub/sub delivers only to subscribers connected at the time, and Lettuce reconnects and subscribes again
 * on its own: what was published while a connection was down is simply gone. So a stream must not outlive the
 * connection it listens on: when a connection to Redis is lost, every stream of this instance ends (its client
 * resumes from the table with its last id), and a stream whose subscription is not confirmed in time ends at once
 * after reading back what it missed.
 */
public final class RedisLiveEvents implements LiveEvents, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisLiveEvents.class);

    private final ReactiveRedisConnectionFactory connections;
    private final ReactiveStringRedisTemplate template;
    private final EventBus connectionEvents;
    private final String channelPrefix;
    private final Duration subscribeTimeout;
    private final LiveEventCodec codec = new LiveEventCodec();
    private final Counter publishFailures;
    private final Counter streamsLost;
    private ReactiveRedisMessageListenerContainer container;
    private boolean closed;

    public RedisLiveEvents(ReactiveRedisConnectionFactory connections, EventBus connectionEvents,
                           String channelPrefix, Duration subscribeTimeout, MeterRegistry registry) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.template = new ReactiveStringRedisTemplate(connections);
        this.connectionEvents = Objects.requireNonNull(connectionEvents, "connection events");
        this.channelPrefix = Objects.requireNonNull(channelPrefix, "channel prefix");
        this.subscribeTimeout = Objects.requireNonNull(subscribeTimeout, "subscribe timeout");
        this.publishFailures = Counter.builder("cruddur.live.publish.failures")
                .description("live events a send could not hand to Redis (streams read them back on reconnect)")
                .register(registry);
        this.streamsLost = Counter.builder("cruddur.live.fan.out.lost")
                .description("streams ended because their Redis subscription was lost or could not be made")
                .register(registry);
    }

    /** The channel of a user's events. */
    public String channelOf(UserId user) {
        return channelPrefix + "user:" + user;
    }

    @Override
    public Mono<Void> publish(LiveEvent event) {
        return Mono.defer(() -> template.convertAndSend(channelOf(event.recipient()), codec.encode(event)))
                // The first send (and one after the connection was made again) opens it and waits for it: not on
                // the sender's thread, an event loop.
                .subscribeOn(Schedulers.boundedElastic())
                .then()
                .doOnError(failure -> publishFailures.increment())
                .doOnCancel(publishFailures::increment);
    }

    @Override
    public Flux<LiveEvent> receive(UserId user) {
        return receive(user, () -> { });
    }

    @Override
    public Flux<LiveEvent> receive(UserId user, Runnable ready) {
        return Mono.fromCallable(this::container)
                // Making a container opens its connection to Redis and waits for it: not on the caller's thread,
                // which is a web server's event loop (an unanswering Redis would hold it for the connect timeout).
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(container -> subscription(container, user, ready)
                        .doOnError(failure -> discard(container)))
                .doOnError(failure -> {
                    streamsLost.increment();
                    log.debug("live events of a stream lost ({}); its client resumes from the table",
                            failure.toString());
                });
    }

    private Flux<LiveEvent> subscription(ReactiveRedisMessageListenerContainer container, UserId user, Runnable ready) {
        Sinks.Empty<Void> subscribed = Sinks.empty();
        SubscriptionListener listener = new SubscriptionListener() {
            @Override
            public void onChannelSubscribed(byte[] channel, long count) {
                subscribed.tryEmitEmpty();
                ready.run();
            }
        };
        Flux<LiveEvent> events = container
                .receive(List.of(ChannelTopic.of(channelOf(user))), listener)
                .map(message -> codec.decode(message.getMessage()));
        Mono<LiveEvent> notInTime = subscribed.asMono()
                .timeout(subscribeTimeout, Mono.error(() -> new FanOutLostException(
                        "no Redis subscription within " + subscribeTimeout)))
                .then(Mono.never());
        Mono<LiveEvent> lost = connectionEvents.get()
                .filter(DisconnectedEvent.class::isInstance)
                .next()
                .then(Mono.error(() -> new FanOutLostException("the connection to Redis was lost")));
        return Flux.merge(events, notInTime, lost);
    }

    /**
     * A container whose subscription failed is not used again (its connection may be gone for good): the next
     * stream makes a new one, with a new connection. The streams still on it end with the lost connection.
     */
    private synchronized void discard(ReactiveRedisMessageListenerContainer failed) {
        if (container == failed) {
            container = null;
            failed.destroyLater().onErrorComplete().subscribe();
        }
    }

    private synchronized ReactiveRedisMessageListenerContainer container() {
        if (closed) {
            throw new FanOutLostException("shutting down");
        }
        if (container == null) {
            container = new ReactiveRedisMessageListenerContainer(connections);
        }
        return container;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (container != null) {
            container.destroy();
        }
    }

    /** The fan-out of a stream is gone: the stream ends and its client resumes from its last event. */
    public static final class FanOutLostException extends RuntimeException {

        FanOutLostException(String message) {
            super(message);
        }
    }
}
