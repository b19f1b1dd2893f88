package com.cruddur.messaging.adapters.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.UserId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import reactor.test.StepVerifier;

/** The open streams of an instance: the per-user bound, the counts in the metrics, and the end at shutdown. */
class OpenStreamsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OpenStreams streams = new OpenStreams(2, registry);
    private final UserId andrew = user();
    private final UserId bayko = user();

    @Test
    void eachUserHasAsManyStreamsAsAllowedAndNoMore() {
        assertThat(streams.tryOpen(andrew)).isTrue();
        assertThat(streams.tryOpen(andrew)).isTrue();
        assertThat(streams.tryOpen(andrew)).as("a third stream of the same user").isFalse();
        assertThat(streams.tryOpen(bayko)).as("another user's count is their own").isTrue();

        assertThat(streams.open()).isEqualTo(3);
        assertThat(registry.get("cruddur.live.streams.open").gauge().value()).isEqualTo(3.0);
    }

    @Test
    void aClosedStreamGivesItsPlaceBack() {
        streams.tryOpen(andrew);
        streams.tryOpen(andrew);
        assertThat(streams.tryOpen(andrew)).isFalse();

        streams.close(andrew);

        assertThat(streams.open()).isEqualTo(1);
        assertThat(streams.tryOpen(andrew)).isTrue();
        assertThat(streams.tryOpen(andrew)).as("the refused attempt took no place").isFalse();
    }

    @Test
    void aUserWhoseStreamsAllClosedCanOpenAsManyAgain() {
        for (int round = 0; round < 3; round++) {
            assertThat(streams.tryOpen(andrew)).isTrue();
            assertThat(streams.tryOpen(andrew)).isTrue();
            streams.close(andrew);
            streams.close(andrew);
        }
        assertThat(streams.open()).isZero();
    }

    @Test
    void eventsSentAreCountedByKindAndDroppedClientsByThemselves() {
        streams.sent("message");
        streams.sent("message");
        streams.sent("message_group");
        streams.droppedSlowClient();

        assertThat(registry.get("cruddur.live.events.sent").tag("event", "message").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("cruddur.live.events.sent").tag("event", "message_group").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("cruddur.live.slow.clients.dropped").counter().count()).isEqualTo(1.0);
    }

    @Test
    void stoppingTheServiceEndsEveryStream() {
        streams.start();
        assertThat(streams.isRunning()).isTrue();
        CompletableFuture<Void> ended = streams.shuttingDown().toFuture();
        assertThat(ended).isNotDone();

        streams.stop();

        assertThat(streams.isRunning()).isFalse();
        assertThat(ended).isDone();
        StepVerifier.create(streams.shuttingDown()).as("a stream opened after that ends at once").verifyComplete();
    }

    @Test
    void theStreamsEndBeforeTheWebServerWaitsForOpenRequests() {
        // Lifecycles with a higher phase stop first.
        assertThat(streams.getPhase()).isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
    }

    private static UserId user() {
        return UserId.of(UUID.randomUUID().toString());
    }
}
