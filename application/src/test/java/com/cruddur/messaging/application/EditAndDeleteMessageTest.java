package com.cruddur.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.application.live.Announcements;
import com.cruddur.messaging.application.live.InProcessLiveEvents;
import com.cruddur.messaging.application.live.LiveEvent;
import com.cruddur.messaging.domain.EditWindow;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageChangeRefused;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Editing and deleting one's own message, over the in-memory store with a clock the test moves. */
class EditAndDeleteMessageTest {

    private final UseCaseFixture app = new UseCaseFixture();
    private final Participant andrew = app.user("Andrew Brown");
    private final Participant bayko = app.user("Andrew Bayko");
    private final Participant londo = app.user("Londo Mollari");

    private Message edit(Participant editor, Message message, String text) {
        return app.editMessage.edit(EditMessage.Command.of(editor, message.groupId().toString(),
                message.id().toString(), text)).block();
    }

    private Message delete(Participant deleter, Message message) {
        return app.deleteMessage.delete(DeleteMessage.Command.of(deleter, message.groupId().toString(),
                message.id().toString())).block();
    }

    private List<Message> conversation(Participant caller, Message any) {
        return app.listMessages.list(new ListMessages.Query(caller, any.groupId(), PageQuery.first()))
                .block().page().items();
    }

    private LastMessage rowOf(Participant owner) {
        List<InboxEntry> inbox = app.store.storedInbox(owner.id());
        assertThat(inbox).hasSize(1);
        return inbox.get(0).lastMessage();
    }

    private static void assertRefused(Runnable change, String code) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(MessageChangeRefused.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
    }

    @Test
    void theOwnerEditsWithinTheWindowAndTheConversationShowsTheTextAndWhen() {
        SentMessage started = app.start(andrew, bayko, "helo");
        Message first = started.message();
        Message reply = app.sendAndMove(bayko, started, "hi").message();
        app.clock.advance(Duration.ofMinutes(14));
        Timestamp now = Timestamp.of(app.clock.instant());

        Message edited = edit(andrew, first, "hello");

        assertThat(edited.text()).isEqualTo("hello");
        assertThat(edited.editedAt()).contains(now);
        assertThat(conversation(bayko, first)).containsExactly(edited, reply);
        assertThat(rowOf(bayko)).isEqualTo(LastMessage.of(reply));
    }

    @Test
    void editingTheLastMessageChangesBothInboxRows() {
        Message first = app.start(andrew, bayko, "helo").message();

        Message edited = edit(andrew, first, "hello");

        assertThat(rowOf(andrew)).isEqualTo(new LastMessage(first.createdAt(), "hello"));
        assertThat(rowOf(bayko)).isEqualTo(new LastMessage(first.createdAt(), "hello"));
        assertThat(app.store.messageGroups().find(first.groupId()).block().lastMessage())
                .isEqualTo(LastMessage.of(edited));
    }

    @Test
    void deletingTheLastMessageLeavesATombstoneAndEmptiesBothInboxRows() {
        SentMessage started = app.start(andrew, bayko, "hello");
        Message first = started.message();
        Message oops = app.sendAndMove(bayko, started, "oops").message();
        app.clock.advance(Duration.ofDays(30));

        Message tombstone = delete(bayko, oops);

        assertThat(tombstone.deleted()).isTrue();
        assertThat(conversation(andrew, first)).extracting(Message::id, Message::text, Message::deleted)
                .containsExactly(org.assertj.core.api.Assertions.tuple(first.id(), "hello", false),
                        org.assertj.core.api.Assertions.tuple(oops.id(), "", true));
        assertThat(rowOf(andrew)).isEqualTo(new LastMessage(oops.createdAt(), ""));
        assertThat(rowOf(bayko)).isEqualTo(new LastMessage(oops.createdAt(), ""));
        assertThat(delete(bayko, oops)).isEqualTo(tombstone);
    }

    @Test
    void anotherUsersMessageCanNeitherBeEditedNorDeleted() {
        Message first = app.start(andrew, bayko, "mine").message();

        assertRefused(() -> edit(bayko, first, "yours"), "not_your_message");
        assertRefused(() -> delete(bayko, first), "not_your_message");
        assertThat(conversation(andrew, first)).containsExactly(first);
        assertThat(rowOf(bayko)).isEqualTo(LastMessage.of(first));
    }

    @Test
    void aMessagePastTheWindowCannotBeEditedButCanBeDeleted() {
        Message first = app.start(andrew, bayko, "old").message();
        app.clock.advance(Duration.ofMinutes(15));

        assertRefused(() -> edit(andrew, first, "new"), "edit_window_passed");
        assertThat(conversation(andrew, first)).containsExactly(first);
        assertThat(delete(andrew, first).deleted()).isTrue();
    }

    @Test
    void aTombstoneCannotBeEdited() {
        Message first = app.start(andrew, bayko, "gone").message();
        delete(andrew, first);

        assertRefused(() -> edit(andrew, first, "back"), "message_deleted");
    }

    @Test
    void anUnknownMessageOrAConversationOfOthersIsNotFound() {
        Message first = app.start(andrew, bayko, "hi").message();
        Message unknown = new Message(new MessageId(UUID.randomUUID()), first.groupId(), andrew, "?",
                first.createdAt());

        assertThatThrownBy(() -> edit(andrew, unknown, "x")).isInstanceOfSatisfying(NotFoundException.class,
                notFound -> assertThat(notFound.code()).isEqualTo("message_not_found"));
        assertThatThrownBy(() -> delete(andrew, unknown)).isInstanceOfSatisfying(NotFoundException.class,
                notFound -> assertThat(notFound.code()).isEqualTo("message_not_found"));
        assertThatThrownBy(() -> delete(londo, first)).isInstanceOfSatisfying(NotFoundException.class,
                notFound -> assertThat(notFound.code()).isEqualTo("message_group_not_found"));
    }

    @Test
    void aBadTextIsRefusedWithTheUsualCodes() {
        Message first = app.start(andrew, bayko, "hi").message();

        assertThatThrownBy(() -> edit(andrew, first, " ")).isInstanceOfSatisfying(InvalidCommandException.class,
                invalid -> assertThat(invalid.codes()).containsExactly("message_blank"));
        assertThatThrownBy(() -> edit(andrew, first, "x".repeat(1025)))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        invalid -> assertThat(invalid.codes()).containsExactly("message_exceed_max_chars_1024"));
    }

    @Test
    void anEditOfAMessagePatternEHasNotMovedToYetMovesTheRowsToTheEditedText() {
        SentMessage started = app.start(andrew, bayko, "hi");
        Message sent = app.sendMessage.send(SendMessage.Command.of(bayko, started.message().groupId().toString(),
                "helo", null)).block().message();

        edit(bayko, sent, "hello");
        app.moveGroups.apply(List.of(sent)).block();

        assertThat(rowOf(andrew)).isEqualTo(new LastMessage(sent.createdAt(), "hello"));
        assertThat(rowOf(bayko)).isEqualTo(new LastMessage(sent.createdAt(), "hello"));
        assertThat(app.store.storedInbox(andrew.id()).get(0).unreadCount()).isEqualTo(1);
    }

    @Test
    void patternEMovingToAMessageEditedSinceItsBatchShowsTheStoredText() {
        SentMessage started = app.start(andrew, bayko, "hi");
        Message sent = app.sendMessage.send(SendMessage.Command.of(bayko, started.message().groupId().toString(),
                "helo", null)).block().message();
        Message edited = sent.editedBy(bayko.id(), new com.cruddur.messaging.domain.MessageText("hello"),
                sent.createdAt(), new EditWindow(EditWindow.DEFAULT));
        app.store.messages().rewrite(sent, edited).block();

        app.moveGroups.apply(List.of(sent)).block();

        assertThat(rowOf(andrew)).isEqualTo(new LastMessage(sent.createdAt(), "hello"));
    }

    @Test
    void anEditThatLosesToAMoveOfTheRowsReadsAgainAndLeavesTheNewerMessageShown() {
        SentMessage started = app.start(andrew, bayko, "helo");
        Message newer = app.sendMessage.send(SendMessage.Command.of(bayko, started.message().groupId().toString(),
                "newer", null)).block().message();
        app.store.loseNextMoves(1);

        edit(andrew, started.message(), "hello");
        app.moveGroups.apply(List.of(newer)).block();

        assertThat(rowOf(andrew)).isEqualTo(LastMessage.of(newer));
        assertThat(rowOf(bayko)).isEqualTo(LastMessage.of(newer));
        assertThat(conversation(andrew, newer)).extracting(Message::text).containsExactly("hello", "newer");
    }

    @Test
    void editsAndDeletesAreAnnouncedToBothParticipants() {
        InProcessLiveEvents events = new InProcessLiveEvents();
        List<LiveEvent> toAndrew = new CopyOnWriteArrayList<>();
        List<LiveEvent> toBayko = new CopyOnWriteArrayList<>();
        events.receive(andrew.id()).subscribe(toAndrew::add);
        events.receive(bayko.id()).subscribe(toBayko::add);
        Announcements announcements = new Announcements(events, Duration.ofSeconds(5));
        EditMessage edits = new EditMessage(app.store.messageGroups(), app.store.messages(), app.clock,
                new EditWindow(EditWindow.DEFAULT), announcements);
        DeleteMessage deletes = new DeleteMessage(app.store.messageGroups(), app.store.messages(), app.clock,
                announcements);
        Message first = app.start(andrew, bayko, "helo").message();

        Message edited = edits.edit(EditMessage.Command.of(andrew, first.groupId().toString(), first.id().toString(),
                "hello")).block();
        app.clock.tick();
        Message tombstone = deletes.delete(DeleteMessage.Command.of(andrew, first.groupId().toString(),
                first.id().toString())).block();
        deletes.delete(DeleteMessage.Command.of(andrew, first.groupId().toString(), first.id().toString())).block();

        for (List<LiveEvent> received : List.of(toAndrew, toBayko)) {
            assertThat(received).hasSize(2).allSatisfy(event -> assertThat(event).isInstanceOf(LiveEvent.MessageChanged.class));
            assertThat(received).extracting(event -> ((LiveEvent.MessageChanged) event).message())
                    .containsExactly(edited, tombstone);
            assertThat(received.get(1).id().isAfter(received.get(0).id())).isTrue();
        }
    }
}
