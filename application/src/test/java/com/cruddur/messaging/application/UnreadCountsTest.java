package com.cruddur.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.live.Announcements;
import com.cruddur.messaging.application.live.InProcessLiveEvents;
import com.cruddur.messaging.application.live.LiveEvent;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ReadPosition;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Read markers and the unread counts pattern E keeps on the inbox rows, over the in-memory store. */
class UnreadCountsTest {

    private final UseCaseFixture app = new UseCaseFixture();
    private final Participant andrew = app.user("Andrew Brown");
    private final Participant bayko = app.user("Andrew Bayko");
    private final Participant londo = app.user("Londo Mollari");

    private int unreadOf(Participant owner) {
        List<InboxEntry> inbox = app.listMessageGroups
                .list(new ListMessageGroups.Query(owner, PageQuery.first())).block().items();
        assertThat(inbox).hasSize(1);
        return inbox.get(0).unreadCount();
    }

    private InboxEntry read(Participant reader, Message upTo) {
        return app.markRead.mark(new MarkConversationRead.Command(reader, upTo.groupId(), ReadPosition.of(upTo)))
                .block();
    }

    /** Three messages from bayko, stored (C and D) without moving the inbox rows yet. */
    private List<Message> threeFromBayko() {
        SentMessage first = app.start(bayko, andrew, "one");
        Message second = app.sendMessage.send(SendMessage.Command.of(bayko, first.message().groupId().toString(),
                "two", null)).block().message();
        app.clock.tick();
        Message third = app.sendMessage.send(SendMessage.Command.of(bayko, first.message().groupId().toString(),
                "three", null)).block().message();
        return List.of(first.message(), second, third);
    }

    @Test
    void threeMessagesFromBaykoAreThreeUnreadForAndrewAndNoneForBayko() {
        List<Message> sent = threeFromBayko();

        app.moveGroups.apply(sent).block();

        assertThat(unreadOf(andrew)).isEqualTo(3);
        assertThat(unreadOf(bayko)).isZero();
    }

    @Test
    void readingUpToTheSecondLeavesOne() {
        List<Message> sent = threeFromBayko();
        app.moveGroups.apply(sent).block();

        InboxEntry row = read(andrew, sent.get(1));

        assertThat(row.unreadCount()).isEqualTo(1);
        assertThat(unreadOf(andrew)).isEqualTo(1);
        assertThat(unreadOf(bayko)).isZero();
    }

    @Test
    void replayedBatchesCountNothingTwice() {
        List<Message> sent = threeFromBayko();

        app.moveGroups.apply(sent).block();
        app.moveGroups.apply(sent).block();
        app.moveGroups.apply(List.of(sent.get(2))).block();
        app.moveGroups.apply(List.of(sent.get(0), sent.get(1))).block();

        assertThat(unreadOf(andrew)).isEqualTo(3);
    }

    @Test
    void outOfOrderBatchesCountEveryMessageOnce() {
        List<Message> sent = threeFromBayko();

        app.moveGroups.apply(List.of(sent.get(2))).block();
        app.moveGroups.apply(List.of(sent.get(1))).block();
        app.moveGroups.apply(List.of(sent.get(0))).block();

        assertThat(unreadOf(andrew)).isEqualTo(3);
    }

    @Test
    void aReadAheadOfTheInboxRowIsNotCountedAgainWhenTheRowCatchesUp() {
        List<Message> sent = threeFromBayko();

        read(andrew, sent.get(1));
        app.moveGroups.apply(sent).block();

        assertThat(unreadOf(andrew)).isEqualTo(1);
    }

    @Test
    void aReadPositionOnlyMovesForward() {
        List<Message> sent = threeFromBayko();
        app.moveGroups.apply(sent).block();
        read(andrew, sent.get(2));

        InboxEntry row = read(andrew, sent.get(0));

        assertThat(row.unreadCount()).isZero();
        assertThat(app.store.messageGroups().find(sent.get(0).groupId()).block()
                .readStateOf(andrew.id()).seen()).contains(ReadPosition.of(sent.get(2)));
    }

    @Test
    void theOtherParticipantsReadPositionComesWithTheMessages() {
        List<Message> sent = threeFromBayko();
        app.moveGroups.apply(sent).block();
        read(andrew, sent.get(1));

        ListMessages.Result forBayko = app.listMessages
                .list(new ListMessages.Query(bayko, sent.get(0).groupId(), PageQuery.first())).block();
        ListMessages.Result forAndrew = app.listMessages
                .list(new ListMessages.Query(andrew, sent.get(0).groupId(), PageQuery.first())).block();

        assertThat(forBayko.seenByOther()).contains(ReadPosition.of(sent.get(1)));
        assertThat(forAndrew.seenByOther()).isEmpty();
    }

    @Test
    void aReadThatRacesAMoveReadsAgainAndCountsRight() {
        List<Message> sent = threeFromBayko();
        app.moveGroups.apply(sent).block();
        app.store.loseNextMoves(2);

        InboxEntry row = read(andrew, sent.get(0));

        assertThat(row.unreadCount()).isEqualTo(2);
        assertThat(unreadOf(andrew)).isEqualTo(2);
    }

    @Test
    void someoneOutsideTheConversationAndAnUnknownMessageAreNotFound() {
        List<Message> sent = threeFromBayko();
        Message third = sent.get(2);

        StepVerifier.create(app.markRead.mark(new MarkConversationRead.Command(londo, third.groupId(),
                        ReadPosition.of(third))))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.code()).isEqualTo("message_group_not_found")))
                .verify();
        StepVerifier.create(app.markRead.mark(new MarkConversationRead.Command(andrew, third.groupId(),
                        new ReadPosition(third.id(), sent.get(1).createdAt()))))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.code()).isEqualTo("message_not_found")))
                .verify();
    }

    @Test
    void malformedReadPositionsAreRefusedTogether() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MarkConversationRead.Command.of(andrew, "nope",
                        "not-a-uuid", "yesterday"))
                .isInstanceOfSatisfying(InvalidCommandException.class, invalid -> assertThat(invalid.codes())
                        .containsExactly("message_group_uuid_invalid", "message_uuid_invalid", "timestamp_invalid"));
    }

    @Test
    void aReadThatMovesTheMarkerIsAnnouncedToTheReadersStreamsWithTheNewCount() {
        InProcessLiveEvents events = new InProcessLiveEvents();
        MarkConversationRead announcing = new MarkConversationRead(app.store.messageGroups(), app.store.messages(),
                new Announcements(events, Duration.ofSeconds(5)));
        List<Message> sent = threeFromBayko();
        app.moveGroups.apply(sent).block();
        List<LiveEvent> andrews = new CopyOnWriteArrayList<>();
        List<LiveEvent> baykos = new CopyOnWriteArrayList<>();
        events.receive(andrew.id()).subscribe(andrews::add);
        events.receive(bayko.id()).subscribe(baykos::add);

        announcing.mark(new MarkConversationRead.Command(andrew, sent.get(0).groupId(), ReadPosition.of(sent.get(1))))
                .block();
        announcing.mark(new MarkConversationRead.Command(andrew, sent.get(0).groupId(), ReadPosition.of(sent.get(0))))
                .block();

        assertThat(andrews).singleElement().isInstanceOfSatisfying(LiveEvent.InboxRowChanged.class, changed -> {
            assertThat(changed.entry().unreadCount()).isEqualTo(1);
            assertThat(changed.id().toString())
                    .isEqualTo(sent.get(1).createdAt().format() + "~r~" + sent.get(1).id());
        });
        assertThat(baykos).isEmpty();
    }
}
