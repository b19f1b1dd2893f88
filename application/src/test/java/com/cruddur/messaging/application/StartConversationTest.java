package com.cruddur.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.application.port.IdempotencyKeyReusedException;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class StartConversationTest {

    private final UseCaseFixture app = new UseCaseFixture();
    private final Participant andrew = app.user("Andrew Brown");
    private final Participant bayko = app.user("Andrew Bayko");

    private List<Message> messagesOf(MessageGroupId group) {
        return app.store.messages().newestFirst(group, 50, Optional.empty()).block().items();
    }

    @Test
    void aFirstMessageStartsAConversationSeenFromBothSides() {
        SentMessage sent = app.startConversation.send(
                StartConversation.Command.of(andrew, "@" + bayko.handle().value(), "hello", null)).block();

        assertThat(sent.message().sender()).isEqualTo(andrew);
        MessageGroupId group = sent.message().groupId();
        assertThat(app.store.storedInbox(andrew.id())).extracting(InboxEntry::groupId, InboxEntry::other)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(group, bayko));
        assertThat(app.store.storedInbox(bayko.id())).extracting(InboxEntry::groupId, InboxEntry::other)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(group, andrew));
        assertThat(messagesOf(group)).containsExactly(sent.message());
    }

    @Test
    void startingAgainWithTheSamePersonReusesTheConversationFromEitherSide() {
        SentMessage first = app.start(andrew, bayko, "hello");
        SentMessage second = app.start(andrew, bayko, "hello again");
        SentMessage answer = app.start(bayko, andrew, "hi");

        assertThat(List.of(second.message().groupId(), answer.message().groupId()))
                .containsOnly(first.message().groupId());
        assertThat(app.store.storedInbox(andrew.id())).hasSize(1);
        assertThat(app.store.storedInbox(bayko.id())).hasSize(1);
        assertThat(messagesOf(first.message().groupId())).extracting(Message::text)
                .containsExactly("hi", "hello again", "hello");
    }

    @Test
    void aConversationWithOneselfIsRefused() {
        StepVerifier.create(app.startConversation.send(
                        StartConversation.Command.of(andrew, andrew.handle().value(), "me, myself", null)))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(InvalidCommandException.class,
                                invalid -> assertThat(invalid.codes()).containsExactly("message_self")))
                .verify();

        assertThat(app.store.storedInbox(andrew.id())).isEmpty();
    }

    @Test
    void anUnknownHandleIsNotFound() {
        StepVerifier.create(app.startConversation.send(
                        StartConversation.Command.of(andrew, "nobody-here", "hello?", null)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(NotFoundException.class)
                        .hasMessage("no user with handle nobody-here"))
                .verify();

        assertThat(app.store.storedInbox(andrew.id())).isEmpty();
    }

    @Test
    void aBlankHandleAndABlankMessageAreBothReported() {
        assertThatThrownBy(() -> StartConversation.Command.of(andrew, "", "", null))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid -> assertThat(invalid.codes())
                        .containsExactly("user_reciever_handle_blank", "message_blank"));
    }

    @Test
    void losingTheRaceToAnotherFirstMessageSendsIntoTheWinnersConversation() {
        app.store.loseNextStartToACompetitor();

        SentMessage sent = app.startConversation.send(
                StartConversation.Command.of(andrew, bayko.handle().value(), "hello", null)).block();

        assertThat(app.store.storedInbox(andrew.id())).extracting(InboxEntry::groupId)
                .containsExactly(sent.message().groupId());
        assertThat(messagesOf(sent.message().groupId())).extracting(Message::text).containsExactly("hello", "hi!");
    }

    @Test
    void simultaneousFirstMessagesBetweenTwoPeopleEndInOneConversation() {
        List<SentMessage> sent = Flux.range(0, 10)
                .parallel(10)
                .runOn(Schedulers.boundedElastic())
                .flatMap(i -> app.startConversation.send(StartConversation.Command.of(
                        i % 2 == 0 ? andrew : bayko, (i % 2 == 0 ? bayko : andrew).handle().value(), "race " + i, null)))
                .sequential()
                .collectList()
                .block();

        assertThat(sent).extracting(s -> s.message().groupId()).containsOnly(sent.get(0).message().groupId());
        assertThat(messagesOf(sent.get(0).message().groupId())).hasSize(10);
        assertThat(app.store.storedInbox(andrew.id())).hasSize(1);
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstMessageOnce() {
        SentMessage first = app.startConversation.send(
                StartConversation.Command.of(andrew, bayko.handle().value(), "hello", "req-1")).block();
        app.clock.tick();
        SentMessage again = app.startConversation.send(
                StartConversation.Command.of(andrew, bayko.handle().value(), "hello", "req-1")).block();

        assertThat(again.message()).isEqualTo(first.message());
        assertThat(messagesOf(first.message().groupId())).containsExactly(first.message());
    }

    @Test
    void aKeyReusedForAnotherPersonOrTextIsRefusedAndStoresNothing() {
        Participant londo = app.user("Londo Mollari");
        SentMessage first = app.startConversation.send(
                StartConversation.Command.of(andrew, bayko.handle().value(), "hello", "req-2")).block();
        app.clock.tick();

        StepVerifier.create(app.startConversation.send(
                        StartConversation.Command.of(andrew, londo.handle().value(), "hello", "req-2")))
                .expectError(IdempotencyKeyReusedException.class)
                .verify();
        StepVerifier.create(app.startConversation.send(
                        StartConversation.Command.of(andrew, bayko.handle().value(), "hello again", "req-2")))
                .expectError(IdempotencyKeyReusedException.class)
                .verify();

        assertThat(app.store.storedInbox(londo.id())).isEmpty();
        assertThat(messagesOf(first.message().groupId())).containsExactly(first.message());
    }

    @Test
    void aKeyOfASendToAHandleIsNotASendIntoTheConversation() {
        SentMessage first = app.startConversation.send(
                StartConversation.Command.of(andrew, bayko.handle().value(), "hello", "req-3")).block();
        app.clock.tick();

        StepVerifier.create(app.sendMessage.send(SendMessage.Command.of(
                        andrew, first.message().groupId().toString(), "hello", "req-3")))
                .expectError(IdempotencyKeyReusedException.class)
                .verify();

        assertThat(messagesOf(first.message().groupId())).containsExactly(first.message());
    }

    @Test
    void aRepeatedKeyIntoAnExistingConversationReturnsTheFirstMessage() {
        SentMessage started = app.start(andrew, bayko, "hello");
        SentMessage first = app.startConversation.send(
                StartConversation.Command.of(andrew, "@" + bayko.handle().value(), "again", "req-4")).block();
        app.clock.tick();

        SentMessage again = app.startConversation.send(
                StartConversation.Command.of(andrew, bayko.handle().value(), "again", "req-4")).block();

        assertThat(again.message()).isEqualTo(first.message());
        assertThat(messagesOf(started.message().groupId())).containsExactly(first.message(), started.message());
    }

    @Test
    void anUnavailableDirectoryIsReportedAsSuch() {
        app.directory.simulateUnavailable(true);

        StepVerifier.create(app.startConversation.send(
                        StartConversation.Command.of(andrew, bayko.handle().value(), "hello", null)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(StoreUnavailableException.class,
                        unavailable -> assertThat(unavailable.store()).isEqualTo("users")))
                .verify();
    }
}
