package com.cruddur.messaging.application.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.contract.ContractFixtures;
import com.cruddur.messaging.application.port.LiveEvents;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.Participant;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The in-process fan-out and the announcements a send makes through it. */
class LiveDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Participant andrew = ContractFixtures.participant("Andrew Brown");
    private final Participant bayko = ContractFixtures.participant("Bayko");
    private final Participant londo = ContractFixtures.participant("Londo");
    private final MessageGroup.Conversation started =
            ContractFixtures.conversation(andrew, bayko, "hello", ContractFixtures.at(0));
    private final Message reply =
            ContractFixtures.message(started.group().id(), bayko, "hi", ContractFixtures.at(1));

    private final InProcessLiveEvents live = new InProcessLiveEvents();

    /** Everything {@code user}'s stream receives from now on. */
    private List<LiveEvent> receiving(Participant user, List<Disposable> streams) {
        List<LiveEvent> received = new CopyOnWriteArrayList<>();
        streams.add(live.receive(user.id()).subscribe(received::add));
        return received;
    }

    @Test
    void eachStreamReceivesItsRecipientsEventsInPublishingOrder() {
        List<Disposable> streams = new CopyOnWriteArrayList<>();
        List<LiveEvent> andrews = receiving(andrew, streams);
        List<LiveEvent> baykos = receiving(bayko, streams);
        LiveEvent first = new LiveEvent.NewMessage(andrew.id(), started.firstMessage());
        LiveEvent second = new LiveEvent.NewMessage(andrew.id(), reply);
        LiveEvent other = new LiveEvent.NewMessage(bayko.id(), reply);

        live.publish(first).then(live.publish(other)).then(live.publish(second)).block(WAIT);

        assertThat(andrews).containsExactly(first, second);
        assertThat(baykos).containsExactly(other);
        streams.forEach(Disposable::dispose);
    }

    @Test
    void aMessageIsAnnouncedToBothParticipantsAndNobodyElse() {
        List<Disposable> streams = new CopyOnWriteArrayList<>();
        List<LiveEvent> andrews = receiving(andrew, streams);
        List<LiveEvent> baykos = receiving(bayko, streams);
        List<LiveEvent> londos = receiving(londo, streams);

        new Announcements(live, WAIT).message(reply, andrew.id(), bayko.id()).block(WAIT);

        assertThat(andrews).containsExactly(new LiveEvent.NewMessage(andrew.id(), reply));
        assertThat(baykos).containsExactly(new LiveEvent.NewMessage(bayko.id(), reply));
        assertThat(londos).isEmpty();
        streams.forEach(Disposable::dispose);
    }

    @Test
    void aNewConversationIsAnnouncedAsEachParticipantsRowThenItsFirstMessage() {
        List<Disposable> streams = new CopyOnWriteArrayList<>();
        List<LiveEvent> andrews = receiving(andrew, streams);
        List<LiveEvent> baykos = receiving(bayko, streams);

        new Announcements(live, WAIT).conversation(started).block(WAIT);

        var rows = started.group().inboxEntries();
        assertThat(andrews).containsExactly(new LiveEvent.NewConversation(rows.get(0), started.firstMessage()),
                new LiveEvent.NewMessage(andrew.id(), started.firstMessage()));
        assertThat(baykos).containsExactly(new LiveEvent.NewConversation(rows.get(1), started.firstMessage()),
                new LiveEvent.NewMessage(bayko.id(), started.firstMessage()));
        assertThat(andrews.get(0).recipient()).isEqualTo(andrew.id());
        assertThat(andrews.get(0).id().isAfter(andrews.get(1).id())).isFalse();
        streams.forEach(Disposable::dispose);
    }

    @Test
    void noAnnouncementsAnnounceNothing() {
        StepVerifier.create(Announcements.NONE.message(reply, andrew.id(), bayko.id())).verifyComplete();
        StepVerifier.create(Announcements.NONE.conversation(started)).verifyComplete();
    }

    @Test
    void aFanOutThatFailsOrHangsNeverFailsTheSend() {
        List<LiveEvent> tried = new CopyOnWriteArrayList<>();
        LiveEvents failing = new LiveEvents() {
            @Override
            public Mono<Void> publish(LiveEvent event) {
                tried.add(event);
                return Mono.error(new IllegalStateException("fan-out lost"));
            }

            @Override
            public Flux<LiveEvent> receive(com.cruddur.messaging.domain.UserId user) {
                return Flux.never();
            }
        };
        LiveEvents hanging = new LiveEvents() {
            @Override
            public Mono<Void> publish(LiveEvent event) {
                return Mono.never();
            }

            @Override
            public Flux<LiveEvent> receive(com.cruddur.messaging.domain.UserId user) {
                return Flux.never();
            }
        };

        StepVerifier.create(new Announcements(failing, WAIT).message(reply, andrew.id(), bayko.id()))
                .expectComplete().verify(WAIT);
        assertThat(tried).hasSize(1);
        StepVerifier.create(new Announcements(hanging, Duration.ofMillis(50)).conversation(started))
                .expectComplete().verify(WAIT);
    }
}
