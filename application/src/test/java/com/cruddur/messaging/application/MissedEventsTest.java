package com.cruddur.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.live.EventId;
import com.cruddur.messaging.application.live.LiveEvent;
import com.cruddur.messaging.application.live.MissedEvents;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.Participant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A reconnecting client's missed events, read back from the store: what a live stream would have sent, in order. */
class MissedEventsTest {

    private final UseCaseFixture app = new UseCaseFixture();
    private final Participant andrew = app.user("Andrew Brown");
    private final Participant bayko = app.user("Andrew Bayko");

    private MissedEvents missed(int maxEvents) {
        return new MissedEvents(app.store.messageGroups(), app.store.messages(), app.clock, Duration.ofHours(1),
                maxEvents);
    }

    private Optional<List<LiveEvent>> since(Participant user, EventId last) {
        return missed(500).since(user.id(), last).block();
    }

    private static EventId idOf(Message message) {
        return new LiveEvent.NewMessage(message.sender().id(), message).id();
    }

    private InboxEntry rowOf(Participant owner, SentMessage in) {
        return app.store.storedInbox(owner.id()).stream()
                .filter(entry -> entry.groupId().equals(in.message().groupId()))
                .findFirst().orElseThrow();
    }

    @Test
    void nothingSinceTheLastEventIsAnEmptyResume() {
        SentMessage hello = app.start(andrew, bayko, "hello");

        assertThat(since(bayko, idOf(hello.message()))).contains(List.of());
    }

    @Test
    void messagesSinceTheLastEventComeOldestFirst() {
        SentMessage hello = app.start(andrew, bayko, "hello");
        SentMessage reply = app.sendAndMove(bayko, hello, "hi");
        SentMessage again = app.sendAndMove(andrew, hello, "how are you?");

        assertThat(since(bayko, idOf(hello.message()))).contains(List.of(
                new LiveEvent.NewMessage(bayko.id(), reply.message()),
                new LiveEvent.NewMessage(bayko.id(), again.message())));
    }

    @Test
    void aConversationStartedSinceComesAsItsRowThenItsFirstMessage() {
        Participant londo = app.user("Londo");
        SentMessage earlier = app.start(londo, bayko, "earlier");
        SentMessage hello = app.start(andrew, bayko, "hello");

        assertThat(since(bayko, idOf(earlier.message()))).contains(List.of(
                new LiveEvent.NewConversation(rowOf(bayko, hello), hello.message()),
                new LiveEvent.NewMessage(bayko.id(), hello.message())));
    }

    @Test
    void aConversationStartedBeforeTheLastEventIsNotNewAgain() {
        SentMessage hello = app.start(andrew, bayko, "hello");
        EventId rowOfHello = new LiveEvent.NewConversation(rowOf(bayko, hello), hello.message()).id();

        assertThat(since(bayko, rowOfHello)).contains(List.of(new LiveEvent.NewMessage(bayko.id(), hello.message())));
    }

    @Test
    void aConversationStartedAtTheInstantOfTheLastEventIsNewWhenItsIdComesAfterIt() {
        Participant londo = app.user("Londo");
        // Two first messages of the same microsecond (the clock does not move between them): their order is their ids'.
        SentMessage one = app.startConversation.send(
                StartConversation.Command.of(andrew, bayko.handle().value(), "one", null)).block();
        SentMessage two = app.startConversation.send(
                StartConversation.Command.of(londo, bayko.handle().value(), "two", null)).block();
        app.clock.tick();
        boolean oneFirst = one.message().id().toString().compareTo(two.message().id().toString()) < 0;
        SentMessage lower = oneFirst ? one : two;
        SentMessage higher = oneFirst ? two : one;
        EventId last = new LiveEvent.NewConversation(rowOf(bayko, lower), lower.message()).id();

        assertThat(since(bayko, last)).contains(List.of(
                new LiveEvent.NewConversation(rowOf(bayko, higher), higher.message()),
                new LiveEvent.NewMessage(bayko.id(), lower.message()),
                new LiveEvent.NewMessage(bayko.id(), higher.message())));
    }

    @Test
    void eventsOfSeveralConversationsComeInIdOrder() {
        Participant londo = app.user("Londo");
        SentMessage withAndrew = app.start(andrew, bayko, "hello");
        SentMessage withLondo = app.start(londo, bayko, "hi there");
        EventId last = idOf(withLondo.message());
        SentMessage first = app.sendAndMove(andrew, withAndrew, "one");
        SentMessage second = app.sendAndMove(londo, withLondo, "two");
        SentMessage third = app.sendAndMove(andrew, withAndrew, "three");

        assertThat(since(bayko, last)).contains(List.of(
                new LiveEvent.NewMessage(bayko.id(), first.message()),
                new LiveEvent.NewMessage(bayko.id(), second.message()),
                new LiveEvent.NewMessage(bayko.id(), third.message())));
    }

    @Test
    void moreThanAPageOfMissedMessagesIsReadPageByPage() {
        SentMessage hello = app.start(andrew, bayko, "hello");
        List<LiveEvent> expected = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            expected.add(new LiveEvent.NewMessage(bayko.id(), app.sendAndMove(andrew, hello, "m" + i).message()));
        }

        assertThat(since(bayko, idOf(hello.message()))).contains(expected);
    }

    @Test
    void aConversationStartedSinceWithMoreThanAPageOfMessagesIsStillNew() {
        Participant londo = app.user("Londo");
        SentMessage earlier = app.start(londo, bayko, "earlier");
        SentMessage hello = app.start(andrew, bayko, "hello");
        for (int i = 0; i < 60; i++) {
            app.sendAndMove(andrew, hello, "m" + i);
        }

        List<LiveEvent> events = since(bayko, idOf(earlier.message())).orElseThrow();

        assertThat(events).hasSize(62);
        assertThat(events.get(0)).isEqualTo(new LiveEvent.NewConversation(rowOf(bayko, hello), hello.message()));
        assertThat(events.get(1)).isEqualTo(new LiveEvent.NewMessage(bayko.id(), hello.message()));
    }

    @Test
    void moreThanAPageOfChangedConversationsIsReadPageByPage() {
        SentMessage first = app.start(andrew, bayko, "first");
        EventId last = idOf(first.message());
        List<Message> later = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            later.add(app.start(app.user("Friend " + i), bayko, "hi " + i).message());
        }

        List<LiveEvent> events = since(bayko, last).orElseThrow();

        assertThat(events).hasSize(110);
        assertThat(events).filteredOn(LiveEvent.NewMessage.class::isInstance)
                .extracting(event -> ((LiveEvent.NewMessage) event).message())
                .containsExactlyElementsOf(later);
    }

    @Test
    void aLastEventOlderThanTheWindowMeansReload() {
        SentMessage hello = app.start(andrew, bayko, "hello");
        app.clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertThat(since(bayko, idOf(hello.message()))).isEmpty();
    }

    @Test
    void aLastEventJustInsideTheWindowIsResumed() {
        SentMessage hello = app.start(andrew, bayko, "hello");
        SentMessage reply = app.sendAndMove(bayko, hello, "hi");
        app.clock.advance(Duration.ofHours(1).minusSeconds(3));

        assertThat(since(bayko, idOf(hello.message())))
                .contains(List.of(new LiveEvent.NewMessage(bayko.id(), reply.message())));
    }

    @Test
    void moreMissedThanAResumeSendsMeansReloadAndExactlyThatManyIsResumed() {
        SentMessage hello = app.start(andrew, bayko, "hello");
        for (int i = 0; i < 3; i++) {
            app.sendAndMove(andrew, hello, "m" + i);
        }

        assertThat(missed(3).since(bayko.id(), idOf(hello.message())).block()).get().asList().hasSize(3);
        assertThat(missed(2).since(bayko.id(), idOf(hello.message())).block()).isEmpty();
    }

    @Test
    void anotherUsersConversationsAreNotTheirs() {
        Participant londo = app.user("Londo");
        SentMessage hello = app.start(andrew, bayko, "hello");
        app.start(andrew, londo, "not for bayko");

        assertThat(since(bayko, idOf(hello.message()))).contains(List.of());
    }
}
