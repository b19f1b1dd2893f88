package com.cruddur.messaging.adapters.web.api;

import com.cruddur.messaging.adapters.web.live.LiveProperties;
import com.cruddur.messaging.adapters.web.live.OpenStreams;
import com.cruddur.messaging.adapters.web.security.Callers;
import com.cruddur.messaging.application.SentMessage;
import com.cruddur.messaging.application.live.EventId;
import com.cruddur.messaging.application.live.LiveEvent;
import com.cruddur.messaging.application.live.MissedEvents;
import com.cruddur.messaging.application.port.LiveEvents;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * {@code GET /api/events}: the signed-in user's live events as Server-Sent Events. With {@code Last-Event-ID}, what
 * the client missed is read back from the table first; the live events are taken from the start, held while that
 * is read and sent after it, without those already read back. The stream ends when the token expires, when the
 * client does not read what is buffered for it, when the fan-out is lost, and when the service shuts down; the
 * client reconnects with its last id.
 */
@RestController
final class EventsController {

    static final String MESSAGE = "message";
    static final String MESSAGE_GROUP = "message_group";
    static final String RESET = "reset";
    static final String MESSAGE_UPDATED = "message_updated";

    /** The id no message has: a reset's position is an instant with it, before any message of that instant. */
    private static final MessageId NO_MESSAGE = new MessageId(new UUID(0, 0));

    private final Callers callers;
    private final LiveEvents liveEvents;
    private final MissedEvents missedEvents;
    private final OpenStreams openStreams;
    private final LiveProperties properties;
    private final Clock clock;

    EventsController(Callers callers, LiveEvents liveEvents, MissedEvents missedEvents, OpenStreams openStreams,
                     LiveProperties properties, Clock clock) {
        this.callers = callers;
        this.liveEvents = liveEvents;
        this.missedEvents = missedEvents;
        this.openStreams = openStreams;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> events(
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return Mono.zip(callers.current(), tokenExpiry())
                .flatMapMany(callerAndExpiry -> {
                    Participant caller = callerAndExpiry.getT1();
                    if (!openStreams.tryOpen(caller.id())) {
                        throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
                                "you have " + properties.maxStreams() + " event streams open already; close one first");
                    }
                    return stream(caller, Optional.ofNullable(lastEventId), callerAndExpiry.getT2())
                            .doFinally(signal -> openStreams.close(caller.id()));
                });
    }

    private Flux<ServerSentEvent<Object>> stream(Participant caller, Optional<String> lastEventId,
                                                 Optional<Instant> expiry) {
        Sinks.Many<LiveEvent> held = Sinks.many().unicast().onBackpressureBuffer(
                Queues.<LiveEvent>get(properties.buffer()).get());
        Sinks.Empty<Void> overflowed = Sinks.empty();
        ServerSentEvent<Object> retry = ServerSentEvent.builder().retry(properties.reconnect()).comment("").build();
        // The live events are taken before anything is written: once the client has the response, nothing is missed.
        // What was missed is read back once the fan-out confirmed the subscription (or failed to make one: the
        // stream then sends what it read back and ends, and its client comes back after the retry).
        Flux<ServerSentEvent<Object>> events = Flux.defer(() -> {
            Sinks.Empty<Void> listening = Sinks.empty();
            var live = liveEvents.receive(caller.id(), listening::tryEmitEmpty).subscribe(
                    event -> {
                        if (held.tryEmitNext(event).isFailure()) {
                            overflowed.tryEmitEmpty();
                        }
                    },
                    lost -> {
                        held.tryEmitComplete();
                        listening.tryEmitEmpty();
                    },
                    () -> {
                        held.tryEmitComplete();
                        listening.tryEmitEmpty();
                    });
            return listening.asMono().then(settled(lastEventId)).then(Mono.defer(() -> catchUp(caller, lastEventId)))
                    .flatMapMany(readBack -> {
                        Set<String> sent = readBack.stream().map(ServerSentEvent::id).collect(Collectors.toSet());
                        return Flux.concat(Flux.just(retry), Flux.fromIterable(readBack),
                                held.asFlux().map(EventsController::live)
                                .filter(event -> !sent.contains(event.id())));
                    })
                    .doFinally(signal -> live.dispose());
        });
        // The stream ends with its events: when the fan-out is lost, the client resumes from its last id.
        Sinks.Empty<Void> ended = Sinks.empty();
        Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(properties.heartbeat())
                .map(tick -> ServerSentEvent.builder().comment("").build())
                .takeUntilOther(ended.asMono());
        // A client that does not read is cut off with an error: completing would wait to write to it.
        Flux<ServerSentEvent<Object>> cutOff = overflowed.asMono()
                .doOnSuccess(done -> openStreams.droppedSlowClient())
                .then(Mono.<ServerSentEvent<Object>>error(() -> new SlowClientException(properties.buffer())))
                .flux()
                .takeUntilOther(ended.asMono());
        return Flux.merge(events.doOnNext(this::count).doOnComplete(ended::tryEmitEmpty), heartbeats, cutOff)
                .takeUntilOther(expiry.map(at -> Mono.delay(untilThen(at))).orElseGet(Mono::never))
                .takeUntilOther(openStreams.shuttingDown())
                .takeUntil(sent -> RESET.equals(sent.event()));
    }

    /** Measured on the system clock, as the token's validation measured it (the service's clock may be another). */
    private static Duration untilThen(Instant at) {
        Duration left = Duration.between(Instant.now(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * A resumed stream reads back once pattern E moved the inbox rows of messages stored before it subscribed: the
     * read back finds conversations by their rows. Meanwhile its live events are held.
     */
    private Mono<Void> settled(Optional<String> lastEventId) {
        return lastEventId.isEmpty() || lastEventId.get().isBlank() || properties.resumeSettle().isZero()
                ? Mono.empty() : Mono.delay(properties.resumeSettle()).then();
    }

    /** The events missed since {@code lastEventId}: none without one, a reset for one that cannot be resumed. */
    private Mono<List<ServerSentEvent<Object>>> catchUp(Participant caller, Optional<String> lastEventId) {
        if (lastEventId.isEmpty() || lastEventId.get().isBlank()) {
            return Mono.just(List.of());
        }
        Optional<EventId> last = EventId.parse(lastEventId.get().strip());
        if (last.isEmpty()) {
            return Mono.just(List.of(reset()));
        }
        return missedEvents.since(caller.id(), last.get())
                .map(missed -> missed.map(events -> events.stream().map(EventsController::live).toList())
                        .orElseGet(() -> List.of(reset())));
    }

    private ServerSentEvent<Object> reset() {
        EventId now = new EventId(Timestamp.of(clock.instant()), 'm', NO_MESSAGE);
        return ServerSentEvent.builder().event(RESET).id(now.toString())
                .data((Object) Map.of("reason", "reload your conversations and messages")).build();
    }

    static ServerSentEvent<Object> live(LiveEvent event) {
        if (event instanceof LiveEvent.NewConversation conversation) {
            return ServerSentEvent.builder().event(MESSAGE_GROUP).id(event.id().toString())
                    .data((Object) MessageGroupResponse.from(conversation.entry())).build();
        }
        if (event instanceof LiveEvent.InboxRowChanged changed) {
            return ServerSentEvent.builder().event(MESSAGE_GROUP).id(event.id().toString())
                    .data((Object) MessageGroupResponse.from(changed.entry())).build();
        }
        if (event instanceof LiveEvent.MessageChanged changed) {
            return ServerSentEvent.builder().event(MESSAGE_UPDATED).id(event.id().toString())
                    .data((Object) SentMessageResponse.from(changed.message())).build();
        }
        LiveEvent.NewMessage message = (LiveEvent.NewMessage) event;
        return ServerSentEvent.builder().event(MESSAGE).id(event.id().toString())
                .data((Object) SentMessageResponse.from(new SentMessage(message.message()))).build();
    }

    private void count(ServerSentEvent<Object> sent) {
        if (sent.event() != null) {
            openStreams.sent(sent.event());
        }
    }

    private static Mono<Optional<Instant>> tokenExpiry() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .ofType(JwtAuthenticationToken.class)
                .map(token -> Optional.ofNullable(token.getToken().getExpiresAt()));
    }
}
