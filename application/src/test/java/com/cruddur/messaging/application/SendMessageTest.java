package com.cruddur.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.application.port.IdempotencyKeyReusedException;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.Participant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class SendMessageTest {

    private final UseCaseFixture app = new UseCaseFixture();
    private final Participant andrew = app.user("Andrew Brown");
    private final Participant bayko = app.user("Andrew Bayko");
    private final Participant londo = app.user("Londo Mollari");
    private final SentMessage conversation = app.start(andrew, bayko, "hello");

    private List<Message> stored() {
        return app.store.messages().newestFirst(conversation.message().groupId(), 50, Optional.empty()).block().items();
    }

    @Test
    void aParticipantsMessageIsStoredWithTheSenderFromTheDirectoryAndItsOwnUuid() {
        SentMessage sent = app.sendMessage.send(SendMessage.Command.of(
                bayko, conversation.message().groupId().toString(), "hi back", null)).block();

        assertThat(sent.message().sender()).isEqualTo(bayko);
        assertThat(sent.message().text()).isEqualTo("hi back");
        assertThat(sent.message().id()).isNotEqualTo(conversation.message().id());
        assertThat(stored()).containsExactly(sent.message(), conversation.message());
    }

    @Test
    void someoneOutsideTheConversationGetsNotFoundAndNothingIsStored() {
        StepVerifier.create(app.sendMessage.send(SendMessage.Command.of(
                        londo, conversation.message().groupId().toString(), "let me in", null)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(NotFoundException.class)
                        .hasMessage("no conversation " + conversation.message().groupId() + " for you"))
                .verify();

        assertThat(stored()).containsExactly(conversation.message());
    }

    @Test
    void anUnknownGroupGetsTheSameNotFound() {
        String unknown = UUID.randomUUID().toString();

        StepVerifier.create(app.sendMessage.send(SendMessage.Command.of(andrew, unknown, "anyone?", null)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(NotFoundException.class)
                        .hasMessage("no conversation " + unknown + " for you"))
                .verify();
    }

    @Test
    void aMessageOfExactly1024CharactersIsAcceptedAnd1025AreRefused() {
        String group = conversation.message().groupId().toString();

        SentMessage longest = app.sendMessage.send(SendMessage.Command.of(andrew, group, "a".repeat(1024), null)).block();
        assertThat(longest.message().text()).hasSize(1024);

        assertThatThrownBy(() -> SendMessage.Command.of(andrew, group, "a".repeat(1025), null))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        invalid -> assertThat(invalid.codes()).containsExactly("message_exceed_max_chars_1024"));
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        assertThatThrownBy(() -> SendMessage.Command.of(andrew, " ", "  ", "bad key\n"))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid -> assertThat(invalid.codes())
                        .containsExactly("message_group_uuid_blank", "message_blank", "idempotency_key_invalid"));
    }

    @Test
    void aRepeatedIdempotencyKeyStoresOneMessage() {
        String group = conversation.message().groupId().toString();

        SentMessage first = app.sendMessage.send(SendMessage.Command.of(andrew, group, "once", "key-1")).block();
        app.clock.tick();
        SentMessage again = app.sendMessage.send(SendMessage.Command.of(andrew, group, "once", "key-1")).block();

        assertThat(again.message()).isEqualTo(first.message());
        assertThat(stored()).containsExactly(first.message(), conversation.message());
    }

    @Test
    void aKeyReusedForAnotherTextIsRefusedAndStoresNothing() {
        String group = conversation.message().groupId().toString();
        SentMessage first = app.sendMessage.send(SendMessage.Command.of(andrew, group, "once", "key-2")).block();
        app.clock.tick();

        StepVerifier.create(app.sendMessage.send(SendMessage.Command.of(andrew, group, "twice?", "key-2")))
                .expectError(IdempotencyKeyReusedException.class)
                .verify();

        assertThat(stored()).containsExactly(first.message(), conversation.message());
    }

    @Test
    void aKeyIsFreeAgainAfterTheWindow() {
        String group = conversation.message().groupId().toString();
        SentMessage first = app.sendMessage.send(SendMessage.Command.of(andrew, group, "today", "key-3")).block();
        app.clock.advance(IdempotencyWindow.DEFAULT_LENGTH.plusSeconds(1));

        SentMessage tomorrow = app.sendMessage.send(SendMessage.Command.of(andrew, group, "tomorrow", "key-3")).block();

        assertThat(tomorrow.message().text()).isEqualTo("tomorrow");
        assertThat(stored()).containsExactly(tomorrow.message(), first.message(), conversation.message());
    }

    @Test
    void textWithControlCharactersOrALoneSurrogateIsRefusedWithTheOtherBrokenRules() {
        assertThatThrownBy(() -> SendMessage.Command.of(andrew, " ", "red \u001b[31m", null))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid -> assertThat(invalid.codes())
                        .containsExactly("message_group_uuid_blank", "message_invalid_characters"));
        assertThatThrownBy(() -> SendMessage.Command.of(andrew, conversation.message().groupId().toString(),
                "x".repeat(1030) + "\uD83D", null))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid -> assertThat(invalid.codes())
                        .containsExactly("message_exceed_max_chars_1024", "message_invalid_characters"));
    }

    @Test
    void twoMessagesInTheSameMicrosecondAreBothKept() {
        String group = conversation.message().groupId().toString();

        SentMessage first = app.sendMessage.send(SendMessage.Command.of(andrew, group, "first", null)).block();
        SentMessage second = app.sendMessage.send(SendMessage.Command.of(bayko, group, "second", null)).block();

        assertThat(second.message().createdAt()).isEqualTo(first.message().createdAt().nextMicrosecond());
        assertThat(stored()).extracting(Message::text).containsExactly("second", "first", "hello");
    }

    @Test
    void anUnavailableStoreIsReportedAsSuchAndNothingIsStored() {
        app.store.simulateUnavailable(true);

        StepVerifier.create(app.sendMessage.send(SendMessage.Command.of(
                        andrew, conversation.message().groupId().toString(), "lost?", null)))
                .expectError(StoreUnavailableException.class)
                .verify();

        app.store.simulateUnavailable(false);
        assertThat(stored()).containsExactly(conversation.message());
    }

    @Test
    void aJustStartedConversationTakesMessagesWhileTheInboxLagsBehind() {
        Participant newcomer = app.user("New Comer");
        app.store.lagInbox();
        SentMessage started = app.start(newcomer, andrew, "first ever");

        SentMessage reply = app.sendMessage.send(SendMessage.Command.of(
                andrew, started.message().groupId().toString(), "welcome", null)).block();

        assertThat(reply.message().groupId()).isEqualTo(started.message().groupId());
    }
}
