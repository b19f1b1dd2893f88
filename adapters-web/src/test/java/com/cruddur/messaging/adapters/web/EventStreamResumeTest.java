package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cruddur.messaging.application.SentMessage;
import com.cruddur.messaging.application.live.EventId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import reactor.core.Disposable;

/**
 * {@code GET /api/events} with and without {@code Last-Event-ID}: what a reconnecting client missed is read back
 * from the store before the live events; an id that cannot be resumed (not an event id, or older than the resume
 * window) gives one {@code reset} and ends the stream; a blank one is no id at all. A quiet stream carries
 * heartbeats (every 200 ms here).
 */
@TestPropertySource(properties = {"cruddur.live.heartbeat=200ms", "cruddur.live.resume-settle=50ms"})
class EventStreamResumeTest extends WebApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final MessageId NO_MESSAGE = new MessageId(new UUID(0, 0));

    /** The service's clock: the messages' times and the resume window are measured on it. */
    @Autowired
    Clock clock;

    @Test
    void whatWasMissedSinceTheLastEventIsReadBackFirst() {
        Participant andrew = user("Andrew Brown");
        Participant bayko = user("Andrew Bayko");
        String lastSeen = new EventId(Timestamp.of(clock.instant().minusSeconds(5)), 'm', NO_MESSAGE).toString();
        SentMessage first = start(bayko, andrew, "missed while away");

        Stream resumed = open(andrew, lastSeen);
        try {
            await().atMost(WAIT).until(() -> resumed.named().size() >= 2);
            List<ServerSentEvent<Map<String, Object>>> events = resumed.named();
            assertThat(events).extracting(ServerSentEvent::event).startsWith("message_group", "message");
            assertThat(events.get(0).data()).containsEntry("uuid", first.message().groupId().toString())
                    .containsEntry("handle", bayko.handle().value())
                    .containsEntry("message", "missed while away");
            assertThat(events.get(1).data()).containsEntry("uuid", first.message().id().toString())
                    .containsEntry("message", "missed while away");
            assertThat(resumed.ended()).as("a resumed stream goes on with the live events").isFalse();
        } finally {
            resumed.close();
        }
    }

    @Test
    void anIdThatIsNotAnEventIdGivesOneResetAndTheStreamEnds() {
        Stream stream = open(user("Londo Mollari"), "not-an-event-id");

        await().atMost(WAIT).until(stream::ended);
        assertThat(stream.named()).singleElement().satisfies(reset -> {
            assertThat(reset.event()).isEqualTo("reset");
            assertThat(reset.data()).containsEntry("reason", "reload your conversations and messages");
            assertThat(EventId.parse(reset.id())).as("a reset carries an id to resume from").isPresent();
        });
    }

    @Test
    void anIdOlderThanTheResumeWindowGivesAReset() {
        String old = new EventId(Timestamp.of(clock.instant().minus(Duration.ofDays(2))), 'm', NO_MESSAGE).toString();

        Stream stream = open(user("Vir Cotto"), old);

        await().atMost(WAIT).until(stream::ended);
        assertThat(stream.named()).extracting(ServerSentEvent::event).containsExactly("reset");
    }

    @Test
    void aBlankIdIsNoIdAndAQuietStreamCarriesHeartbeats() {
        Participant gkar = user("G'Kar");
        Stream stream = open(gkar, "");
        try {
            await().atMost(WAIT).until(() -> stream.heartbeats() >= 2);
            assertThat(stream.named()).as("no reset, nothing to read back").isEmpty();
            assertThat(stream.ended()).isFalse();
        } finally {
            stream.close();
        }
    }

    private Stream open(Participant user, String lastEventId) {
        List<ServerSentEvent<Map<String, Object>>> all = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        Disposable subscription = client.get().uri("/api/events").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(auth(user))
                .header("Last-Event-ID", lastEventId)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody()
                .doFinally(signal -> ended.set(true))
                .subscribe(all::add, failure -> { });
        return new Stream(all, ended, subscription);
    }

    private record Stream(List<ServerSentEvent<Map<String, Object>>> all, AtomicBoolean end, Disposable subscription) {

        List<ServerSentEvent<Map<String, Object>>> named() {
            return all.stream().filter(event -> event.event() != null).toList();
        }

        /** Comment-only events without a {@code retry}: the first event of a stream carries the retry. */
        long heartbeats() {
            return all.stream().filter(event -> event.event() == null && event.retry() == null
                    && event.comment() != null).count();
        }

        boolean ended() {
            return end.get();
        }

        void close() {
            subscription.dispose();
        }
    }
}
