package com.cruddur.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.live.Announcements;
import com.cruddur.messaging.application.live.LiveEvent;
import com.cruddur.messaging.application.port.Ids;
import com.cruddur.messaging.application.port.LiveEvents;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.UserId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What a send announces: each stored message once, to both participants; a failing fan-out never fails a send. */
class AnnouncementsTest {

    private final UseCaseFixture app = new UseCaseFixture();
    private final Recorded recorded = new Recorded();
    private final SendMessage sendMessage = new SendMessage(app.store.messageGroups(), app.store.messages(),
            Ids.random(), app.clock, IdempotencyWindow.defaults(), new Announcements(recorded, Duration.ofSeconds(5)));
    private final StartConversation startConversation = new StartConversation(app.directory,
            app.store.messageGroups(), app.store.blocks(), sendMessage, Ids.random(), app.clock);

    @Test
    void aRepeatedRequestIsNotAnnouncedAgain() {
        Participant londo = app.user("Londo");
        Participant vir = app.user("Vir");
        SentMessage started = startConversation.send(
                StartConversation.Command.of(londo, vir.handle().value(), "hello", "start-1")).block();
        startConversation.send(StartConversation.Command.of(londo, vir.handle().value(), "hello", "start-1")).block();
        app.clock.tick();
        String group = started.message().groupId().toString();
        SentMessage first = sendMessage.send(SendMessage.Command.of(vir, group, "once", "send-1")).block();
        SentMessage repeated = sendMessage.send(SendMessage.Command.of(vir, group, "once", "send-1")).block();
        app.clock.tick();
        SentMessage byHandle = startConversation.send(
                StartConversation.Command.of(londo, vir.handle().value(), "by handle", "send-2")).block();
        startConversation.send(StartConversation.Command.of(londo, vir.handle().value(), "by handle", "send-2"))
                .block();

        assertThat(repeated.message()).isEqualTo(first.message());
        assertThat(recorded.events).filteredOn(LiveEvent.NewMessage.class::isInstance)
                .map(event -> ((LiveEvent.NewMessage) event).message().id())
                .containsExactly(started.message().id(), started.message().id(),
                        first.message().id(), first.message().id(),
                        byHandle.message().id(), byHandle.message().id());
        assertThat(recorded.events).filteredOn(LiveEvent.NewConversation.class::isInstance).hasSize(2);
    }

    @Test
    void aFanOutThatFailsOrHangsNeverFailsTheSend() {
        Participant londo = app.user("Londo");
        Participant vir = app.user("Vir");
        for (LiveEvents broken : List.of(failing(), hanging())) {
            SendMessage send = new SendMessage(app.store.messageGroups(), app.store.messages(), Ids.random(),
                    app.clock, IdempotencyWindow.defaults(), new Announcements(broken, Duration.ofMillis(200)));
            StartConversation start = new StartConversation(app.directory, app.store.messageGroups(), app.store.blocks(), send,
                    Ids.random(), app.clock);
            app.clock.tick();
            SentMessage sent = start.send(StartConversation.Command.of(londo, vir.handle().value(), "still", null))
                    .block(Duration.ofSeconds(5));
            assertThat(sent).isNotNull();
        }
    }

    private static LiveEvents failing() {
        return new LiveEvents() {
            @Override
            public Mono<Void> publish(LiveEvent event) {
                return Mono.error(new IllegalStateException("the fan-out is down"));
            }

            @Override
            public Flux<LiveEvent> receive(UserId user) {
                return Flux.never();
            }
        };
    }

    private static LiveEvents hanging() {
        return new LiveEvents() {
            @Override
            public Mono<Void> publish(LiveEvent event) {
                return Mono.never();
            }

            @Override
            public Flux<LiveEvent> receive(UserId user) {
                return Flux.never();
            }
        };
    }

    private static final class Recorded implements LiveEvents {

        final List<LiveEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public Mono<Void> publish(LiveEvent event) {
            return Mono.fromRunnable(() -> events.add(event));
        }

        @Override
        public Flux<LiveEvent> receive(UserId user) {
            return Flux.never();
        }
    }
}
