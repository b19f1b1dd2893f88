package com.cruddur.messaging.domain;

import static com.cruddur.messaging.domain.Fixtures.ANDREW;
import static com.cruddur.messaging.domain.Fixtures.BAYKO;
import static com.cruddur.messaging.domain.Fixtures.GROUP;
import static com.cruddur.messaging.domain.Fixtures.at;
import static com.cruddur.messaging.domain.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageChangeTest {

    private static final EditWindow FIFTEEN_MINUTES = new EditWindow(EditWindow.DEFAULT);
    private final Message sent = message(GROUP, ANDREW, "helo", "2026-11-22T10:00:00+00:00");

    @Test
    void theSenderEditsWithinTheWindowAndTheMessageCarriesWhen() {
        Timestamp now = at("2026-11-22T10:14:59.999999+00:00");

        Message edited = sent.editedBy(ANDREW.id(), new MessageText("hello"), now, FIFTEEN_MINUTES);

        assertThat(edited.text()).isEqualTo("hello");
        assertThat(edited.editedAt()).contains(now);
        assertThat(edited.deleted()).isFalse();
        assertThat(edited).extracting(Message::id, Message::createdAt, Message::sender)
                .containsExactly(sent.id(), sent.createdAt(), ANDREW);
    }

    @Test
    void theWindowsLastMicrosecondStillCountsAndTheNextDoesNot() {
        assertThat(sent.editedBy(ANDREW.id(), new MessageText("a"), at("2026-11-22T10:15:00+00:00"), FIFTEEN_MINUTES)
                .text()).isEqualTo("a");
        assertRefused(() -> sent.editedBy(ANDREW.id(), new MessageText("a"), at("2026-11-22T10:15:00.000001+00:00"),
                FIFTEEN_MINUTES), "edit_window_passed");
    }

    @Test
    void anotherPersonCanNeitherEditNorDelete() {
        assertRefused(() -> sent.editedBy(BAYKO.id(), new MessageText("a"), sent.createdAt(), FIFTEEN_MINUTES),
                "not_your_message");
        assertRefused(() -> sent.deletedBy(BAYKO.id()), "not_your_message");
    }

    @Test
    void someoneElsesOldMessageIsRefusedAsNotYoursBeforeTheWindowIsConsidered() {
        assertRefused(() -> sent.editedBy(BAYKO.id(), new MessageText("a"), at("2026-12-22T10:00:00+00:00"),
                FIFTEEN_MINUTES), "not_your_message");
    }

    @Test
    void deletingLeavesATombstoneWithoutTextAtTheSamePlace() {
        Message tombstone = sent.deletedBy(ANDREW.id()).orElseThrow();

        assertThat(tombstone.deleted()).isTrue();
        assertThat(tombstone.text()).isEmpty();
        assertThat(tombstone).extracting(Message::id, Message::createdAt).containsExactly(sent.id(), sent.createdAt());
    }

    @Test
    void deletingIsAllowedAfterTheEditWindowAndTwiceChangesNothing() {
        Message tombstone = sent.deletedBy(ANDREW.id()).orElseThrow();

        assertThat(tombstone.deletedBy(ANDREW.id())).isEmpty();
    }

    @Test
    void aTombstoneCannotBeEdited() {
        Message tombstone = sent.deletedBy(ANDREW.id()).orElseThrow();

        assertRefused(() -> tombstone.editedBy(ANDREW.id(), new MessageText("back"), sent.createdAt(),
                FIFTEEN_MINUTES), "message_deleted");
    }

    @Test
    void aDeletedMessageCannotHoldText() {
        assertThatThrownBy(() -> new Message(sent.id(), GROUP, ANDREW, "text", sent.createdAt(), Optional.empty(), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWindowOpensAtItsLengthBeforeNowAndMustBeLongerThanZero() {
        assertThat(new EditWindow(Duration.ofMinutes(5)).opensAt(at("2026-11-22T10:05:00+00:00")))
                .isEqualTo(at("2026-11-22T10:00:00+00:00"));
        assertThat(FIFTEEN_MINUTES).hasToString("15 minutes");
        assertThatThrownBy(() -> new EditWindow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGroupShowsAChangeOfItsLastMessageOnly() {
        MessageGroup group = new MessageGroup(GROUP, ANDREW, BAYKO, LastMessage.of(sent));
        Message edited = sent.editedBy(ANDREW.id(), new MessageText("hello"), sent.createdAt(), FIFTEEN_MINUTES);
        Message older = message(GROUP, ANDREW, "older", "2026-11-22T09:00:00+00:00");
        Message olderEdited = older.editedBy(ANDREW.id(), new MessageText("changed"), older.createdAt(),
                FIFTEEN_MINUTES);

        MessageGroup shown = group.showing(edited).orElseThrow();

        assertThat(shown.lastMessage()).isEqualTo(new LastMessage(sent.createdAt(), "hello"));
        assertThat(shown.inboxEntries()).allSatisfy(entry -> assertThat(entry.lastMessage().text()).isEqualTo("hello"));
        assertThat(shown.showing(edited)).isEmpty();
        assertThat(group.showing(olderEdited)).isEmpty();
        assertThat(group.showing(sent.deletedBy(ANDREW.id()).orElseThrow()).orElseThrow().lastMessage().text())
                .isEmpty();
    }

    private static void assertRefused(Runnable change, String code) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(MessageChangeRefused.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
    }
}
