package com.cruddur.messaging.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cruddur.messaging.application.live.InProcessLiveEvents;
import com.cruddur.messaging.application.live.LiveEvent;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import reactor.core.Disposable;

/**
 * The bounds of {@code GET /api/events} and its metrics: a client that does not read is cut off at the buffer bound
 * and counted, a stream ends when its token expires, one stream more than allowed is 429, and the open-streams
 * gauge and the events-sent counter say what happened.
 */
@TestPropertySource(properties = {"cruddur.live.buffer=8", "cruddur.live.max-streams=2"})
class EventStreamBoundsTest extends WebApiTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    InProcessLiveEvents liveEvents;
    @Autowired
    MeterRegistry registry;
    @Value("${local.server.port}")
    int port;

    @Test
    void aReaderThatDoesNotReadIsCutOffAtTheBufferBoundAndCounted() throws IOException {
        Participant slow = user("Slow Reader");
        Participant sender = user("Fast Sender");
        double droppedBefore = dropped();
        double openBefore = openStreams();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                    + "Authorization: Bearer " + tokenOf(slow) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await("the stream is open").atMost(WAIT).until(() -> openStreams() == openBefore + 1);

            // Nothing is read: the socket buffers fill, then the stream's own buffer of 8, then it is cut off.
            String text = "x".repeat(1000);
            await("the slow reader is cut off").atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> {
                for (int i = 0; i < 50; i++) {
                    liveEvents.publish(new LiveEvent.NewMessage(slow.id(), message(sender, text))).block();
                }
                return dropped() > droppedBefore;
            });
            assertThat(dropped()).isEqualTo(droppedBefore + 1);

            CompletableFuture<Void> closed = closedByServer(socket.getInputStream());
            await("the server closes the connection").atMost(WAIT).until(closed::isDone);
            await("the stream is no longer open").atMost(WAIT).until(() -> openStreams() == openBefore);
        }
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() {
        Participant brief = user("Brief Token");
        // Long enough for a first request on a busy machine to be validated, short enough to wait for.
        var claims = TestTokens.accessClaims(subjectOf(brief))
                .expirationTime(Date.from(Instant.now().plusSeconds(8)));
        String token = TestTokens.sign(claims, TestTokens.PUBLISHED);
        AtomicBoolean ended = new AtomicBoolean();
        double openBefore = openStreams();
        Disposable stream = open(token, new CopyOnWriteArrayList<>(), ended);
        try {
            assertThat(ended).as("open until the token expires").isFalse();
            await("the stream ends with its token").atMost(WAIT).untilTrue(ended);
            // exp is whole seconds in the token
            assertThat(Instant.now()).isAfterOrEqualTo(claims.build().getExpirationTime().toInstant()
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            await("the stream is no longer open").atMost(WAIT).until(() -> openStreams() == openBefore);
        } finally {
            stream.dispose();
        }
    }

    @Test
    void openStreamsAndEventsSentAreCountedAndOneStreamTooManyIs429() {
        Participant reader = user("Two Tabs");
        Participant sender = user("Sender");
        double messagesBefore = sent("message");
        double groupsBefore = sent("message_group");
        double openBefore = openStreams();
        List<ServerSentEvent<Map<String, Object>>> first = new CopyOnWriteArrayList<>();
        List<ServerSentEvent<Map<String, Object>>> second = new CopyOnWriteArrayList<>();
        Disposable one = open(tokenOf(reader), first, new AtomicBoolean());
        Disposable two = open(tokenOf(reader), second, new AtomicBoolean());
        try {
            await("both streams are open").atMost(WAIT).until(() -> openStreams() == openBefore + 2);
            client.get().uri("/api/events").accept(MediaType.TEXT_EVENT_STREAM)
                    .headers(h -> h.setBearerAuth(tokenOf(reader)))
                    .exchange()
                    .expectStatus().isEqualTo(429);
            assertThat(openStreams()).isEqualTo(openBefore + 2);

            for (int i = 0; i < 3; i++) {
                liveEvents.publish(new LiveEvent.NewMessage(reader.id(), message(sender, "hello " + i))).block();
            }
            liveEvents.publish(new LiveEvent.NewMessage(sender.id(), message(reader, "not for these streams")))
                    .block();
            await("three events on each stream").atMost(WAIT).until(() -> first.size() == 3 && second.size() == 3);
            assertThat(sent("message")).isEqualTo(messagesBefore + 6);
            assertThat(sent("message_group")).isEqualTo(groupsBefore);
        } finally {
            one.dispose();
            two.dispose();
        }
        await("both streams are closed").atMost(WAIT).until(() -> openStreams() == openBefore);
    }

    private Disposable open(String token, List<ServerSentEvent<Map<String, Object>>> events, AtomicBoolean ended) {
        return client.get().uri("/api/events").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody()
                .filter(event -> event.event() != null)
                .doFinally(signal -> ended.set(true))
                .subscribe(events::add, failure -> { });
    }

    private static Message message(Participant sender, String text) {
        return new Message(new MessageId(UUID.randomUUID()), new MessageGroupId(UUID.randomUUID()), sender, text,
                Timestamp.of(Instant.now()));
    }

    private double openStreams() {
        return registry.get("cruddur.live.streams.open").gauge().value();
    }

    private double dropped() {
        return registry.get("cruddur.live.slow.clients.dropped").counter().count();
    }

    private double sent(String event) {
        var counter = registry.find("cruddur.live.events.sent").tag("event", event).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Completes once the server has closed the connection, whatever it sent before. */
    private static CompletableFuture<Void> closedByServer(InputStream in) {
        return CompletableFuture.runAsync(() -> {
            byte[] buffer = new byte[65536];
            try {
                while (in.read(buffer) >= 0) {
                    // drain
                }
            } catch (IOException reset) {
                // reset by the server counts as closed
            }
        });
    }
}
