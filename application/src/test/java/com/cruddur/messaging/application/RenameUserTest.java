package com.cruddur.messaging.application;

import static com.cruddur.messaging.application.contract.ContractFixtures.at;
import static com.cruddur.messaging.application.contract.ContractFixtures.conversation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.application.MoveGroupsToNewestMessage.GroupMove;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage.Outcome;
import com.cruddur.messaging.application.RenameUser.Progress;
import com.cruddur.messaging.application.RenameUser.Renamed;
import com.cruddur.messaging.application.fake.InterruptedWrites;
import com.cruddur.messaging.application.port.HandleTakenException;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.Participant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenameUserTest {

    private static final int CONVERSATIONS = 300;

    private final UseCaseFixture app = new UseCaseFixture();
    private final InterruptedWrites groups = new InterruptedWrites(app.store.messageGroups());
    private final RenameUser renameUser = new RenameUser(app.directory, groups, app.clock);
    private final Participant bayko = app.user("Andrew Bayko");
    private final Participant andrew = app.user("Andrew Brown");

    /** {@code count} conversations of bayko's with new people, every other one started by bayko. */
    private List<Participant> conversationsWithBayko(int count) {
        List<Participant> others = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Participant other = app.user("Person " + i);
            MessageGroup.Conversation started = i % 2 == 0
                    ? conversation(bayko, other, "hello " + i, at(i))
                    : conversation(other, bayko, "hello " + i, at(i));
            app.store.messageGroups().start(started, Optional.empty()).block();
            others.add(other);
        }
        // The walk began a day after the last message: its last pass only reads the top of the inbox.
        app.clock.advance(Duration.ofDays(1));
        return others;
    }

    private long rowsShowing(List<Participant> owners, Participant shown) {
        return owners.stream()
                .flatMap(owner -> app.store.storedInbox(owner.id()).stream())
                .filter(row -> row.other().equals(shown))
                .count();
    }

    private static Participant renamedTo(Participant user, String displayName, String handle) {
        return new Participant(user.id(), displayName, new Handle(handle));
    }

    @Test
    void aUserWith300ConversationsIsShownWithTheNewNameOnEveryOtherParticipantsRow() {
        List<Participant> others = conversationsWithBayko(CONVERSATIONS);

        Renamed renamed = renameUser.rename(RenameUser.Command.of(bayko.handle().value(),
                "Bayko the Brave", "brave")).block();

        Participant brave = renamedTo(bayko, "Bayko the Brave", "brave");
        assertThat(renamed.before()).isEqualTo(bayko);
        assertThat(renamed.after()).isEqualTo(brave);
        assertThat(renamed.shown().changed()).isEqualTo(CONVERSATIONS);
        assertThat(rowsShowing(others, brave)).isEqualTo(CONVERSATIONS);
        assertThat(rowsShowing(others, bayko)).isZero();
        assertThat(app.store.storedInbox(bayko.id())).hasSize(CONVERSATIONS)
                .extracting(InboxEntry::other).containsExactlyInAnyOrderElementsOf(others);
        assertThat(app.directory.findByHandle(new Handle("brave")).block()).isEqualTo(brave);
        assertThat(app.directory.findByHandle(bayko.handle()).block()).isNull();
    }

    @Test
    void aRunInterruptedAfterSomeWritesIsFinishedByTheSecondRun() {
        List<Participant> others = conversationsWithBayko(CONVERSATIONS);
        Participant brave = renamedTo(bayko, "Bayko the Brave", "brave");
        groups.failAfter(120);

        assertThatThrownBy(() -> renameUser.rename(RenameUser.Command.of(bayko.handle().value(), "Bayko the Brave",
                "brave")).block()).isInstanceOf(StoreUnavailableException.class);
        assertThat(rowsShowing(others, brave)).isEqualTo(120);
        assertThat(app.directory.findByHandle(new Handle("brave")).block()).isEqualTo(brave);

        groups.heal();
        Renamed second = renameUser.rename(RenameUser.Command.of("brave", null, null)).block();

        assertThat(second.before()).isEqualTo(brave);
        assertThat(second.shown().changed()).isEqualTo(CONVERSATIONS - 120);
        assertThat(rowsShowing(others, brave)).isEqualTo(CONVERSATIONS);
    }

    @Test
    void aWalkStoppedAfterTwoPagesIsFinishedByTheNextOne() {
        List<Participant> others = conversationsWithBayko(CONVERSATIONS);
        Participant brave = app.directory.rename(renamedTo(bayko, "Bayko the Brave", "brave")).block();

        List<Progress> firstTwoPages = renameUser.showEverywhere(brave).take(2).collectList().block();

        assertThat(firstTwoPages).containsExactly(new Progress(RenameUser.PAGE_SIZE, RenameUser.PAGE_SIZE),
                new Progress(RenameUser.PAGE_SIZE, RenameUser.PAGE_SIZE));
        assertThat(rowsShowing(others, brave)).isEqualTo(2 * RenameUser.PAGE_SIZE);

        Progress rest = renameUser.showEverywhere(brave).reduce(Progress::plus).block();

        assertThat(rest.changed()).isEqualTo(CONVERSATIONS - 2 * RenameUser.PAGE_SIZE);
        assertThat(rowsShowing(others, brave)).isEqualTo(CONVERSATIONS);
    }

    @Test
    void aSecondRunWritesNothing() {
        List<Participant> others = conversationsWithBayko(60);
        renameUser.rename(RenameUser.Command.of(bayko.handle().value(), "Bayko the Brave", null)).block();
        int writes = groups.updatesPassedOn();

        Renamed again = renameUser.rename(RenameUser.Command.of(bayko.handle().value(), "Bayko the Brave", null))
                .block();

        assertThat(writes).isEqualTo(60);
        assertThat(again.shown()).isEqualTo(new Progress(60, 0));
        assertThat(groups.updatesPassedOn()).isEqualTo(60);
        assertThat(rowsShowing(others, renamedTo(bayko, "Bayko the Brave", bayko.handle().value()))).isEqualTo(60);
    }

    @Test
    void aMoveThatReadTheOldNameBeforeTheRenameReadsAgainAndKeepsTheNewName() {
        SentMessage started = app.start(andrew, bayko, "hello");
        Message reply = app.sendMessage.send(SendMessage.Command.of(andrew,
                started.message().groupId().toString(), "are you there?", null)).block().message();
        Participant brave = renamedTo(bayko, "Bayko the Brave", "brave");
        RenameUser renameOnTheStore = new RenameUser(app.directory, app.store.messageGroups(), app.clock);
        MoveGroupsToNewestMessage move = new MoveGroupsToNewestMessage(groups, app.store.messages());
        // The move has read the conversation with bayko's old name; the rename lands before its write.
        groups.beforeNextUpdate((current, next) -> {
            assertThat(current.second()).isEqualTo(bayko);
            renameOnTheStore.rename(RenameUser.Command.of(bayko.handle().value(), "Bayko the Brave", "brave")).block();
        });

        List<GroupMove> moves = move.apply(List.of(reply)).block();

        assertThat(moves).extracting(GroupMove::outcome).containsExactly(Outcome.MOVED);
        assertThat(groups.updatesPassedOn()).isEqualTo(2);
        assertThat(app.store.storedInbox(andrew.id())).extracting(InboxEntry::other, InboxEntry::lastMessage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(brave, LastMessage.of(reply)));
    }

    @Test
    void aRenameThatReadTheConversationBeforeAMoveReadsAgainAndKeepsTheMove() {
        SentMessage started = app.start(andrew, bayko, "hello");
        Message reply = app.sendMessage.send(SendMessage.Command.of(andrew,
                started.message().groupId().toString(), "are you there?", null)).block().message();
        Participant brave = renamedTo(bayko, "Bayko the Brave", "brave");
        groups.beforeNextUpdate((current, next) -> {
            assertThat(next.second()).isEqualTo(brave);
            app.moveGroups.apply(List.of(reply)).block();
        });

        Renamed renamed = renameUser.rename(RenameUser.Command.of(bayko.handle().value(), "Bayko the Brave", "brave"))
                .block();

        assertThat(renamed.shown().changed()).isEqualTo(1);
        assertThat(app.store.storedInbox(andrew.id())).extracting(InboxEntry::other, InboxEntry::lastMessage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(brave, LastMessage.of(reply)));
        assertThat(app.store.storedInbox(bayko.id())).extracting(InboxEntry::other, InboxEntry::lastMessage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(andrew, LastMessage.of(reply)));
    }

    @Test
    void aConversationThatMovedToTheTopDuringTheWalkIsRenamedByTheLastPass() {
        List<Participant> others = conversationsWithBayko(60);
        Participant brave = app.directory.rename(renamedTo(bayko, "Bayko the Brave", "brave")).block();
        MessageGroup oldest = app.store.messageGroups()
                .find(app.store.storedInbox(bayko.id()).get(59).groupId()).block();
        // While the walk does its first page, the oldest conversation (on its last page) gets a new message.
        groups.beforeNextUpdate((current, next) -> {
            Message late = com.cruddur.messaging.application.contract.ContractFixtures.message(oldest.id(),
                    oldest.otherThan(bayko.id()), "late news", com.cruddur.messaging.domain.Timestamp.of(
                            app.clock.instant()));
            app.store.messages().append(late, Optional.empty()).block();
            app.moveGroups.apply(List.of(late)).block();
        });

        Progress shown = renameUser.showEverywhere(brave).reduce(Progress::plus).block();

        assertThat(shown.changed()).isEqualTo(60);
        assertThat(rowsShowing(others, brave)).isEqualTo(60);
    }

    @Test
    void messagesKeepTheNameTheyWereSentWith() {
        SentMessage started = app.start(bayko, andrew, "hello from the old name");

        renameUser.rename(RenameUser.Command.of(bayko.handle().value(), "Bayko the Brave", "brave")).block();

        Message stored = app.store.messages().newestFirst(started.message().groupId(), 10, Optional.empty())
                .block().items().get(0);
        assertThat(stored.sender()).isEqualTo(bayko);
        assertThat(app.store.storedInbox(andrew.id())).extracting(InboxEntry::other)
                .containsExactly(renamedTo(bayko, "Bayko the Brave", "brave"));
    }

    @Test
    void anUnknownUserATakenHandleAndBadNamesAreRefusedAndChangeNothing() {
        SentMessage started = app.start(bayko, andrew, "hello");

        assertThatThrownBy(() -> renameUser.rename(RenameUser.Command.of("nobody-here", "X", null)).block())
                .isInstanceOfSatisfying(NotFoundException.class,
                        missing -> assertThat(missing.code()).isEqualTo("user_not_found"));
        assertThatThrownBy(() -> renameUser.rename(RenameUser.Command.of(bayko.handle().value(), null,
                andrew.handle().value())).block())
                .isInstanceOf(HandleTakenException.class);
        assertThatThrownBy(() -> RenameUser.Command.of("bay ko", " ", "has space"))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid -> assertThat(invalid.codes())
                        .containsExactly("handle_invalid", "display_name_blank", "handle_invalid"));
        assertThatThrownBy(() -> RenameUser.Command.of("bayko", "bell \u0007", null))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid -> assertThat(invalid.codes())
                        .containsExactly("display_name_invalid"));

        assertThat(groups.updatesPassedOn()).isZero();
        assertThat(app.directory.findByHandle(bayko.handle()).block()).isEqualTo(bayko);
        assertThat(app.store.storedInbox(andrew.id())).extracting(InboxEntry::other).containsExactly(bayko);
        assertThat(started.message().sender()).isEqualTo(bayko);
    }
}
