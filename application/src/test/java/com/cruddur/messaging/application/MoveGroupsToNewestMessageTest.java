package com.cruddur.messaging.application;

import static com.cruddur.messaging.application.MoveGroupsToNewestMessage.Outcome.ALREADY_CURRENT;
import static com.cruddur.messaging.application.MoveGroupsToNewestMessage.Outcome.FAILED;
import static com.cruddur.messaging.application.MoveGroupsToNewestMessage.Outcome.MOVED;
import static com.cruddur.messaging.application.MoveGroupsToNewestMessage.Outcome.UNKNOWN_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.MoveGroupsToNewestMessage.GroupMove;
import com.cruddur.messaging.application.contract.ContractFixtures;
import com.cruddur.messaging.application.port.ConcurrentUpdateException;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MoveGroupsToNewestMessageTest {

    private final UseCaseFixture app = new UseCaseFixture();
    private final Participant andrew = app.user("Andrew Brown");
    private final Participant bayko = app.user("Andrew Bayko");
    private final SentMessage conversation = app.start(andrew, bayko, "hello");
    private final MessageGroupId group = conversation.message().groupId();

    /** Stores a message as C does, without moving the group (E is what is under test). */
    private Message stored(Participant sender, String text) {
        Message sent = app.sendMessage.send(SendMessage.Command.of(sender, group.toString(), text, null)).block().message();
        app.clock.tick();
        return sent;
    }

    private void assertBothInboxesShowOnly(Message newest) {
        assertThat(app.store.storedInbox(andrew.id())).extracting(InboxEntry::groupId, InboxEntry::lastMessage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(group, LastMessage.of(newest)));
        assertThat(app.store.storedInbox(bayko.id())).extracting(InboxEntry::groupId, InboxEntry::lastMessage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(group, LastMessage.of(newest)));
    }

    @Test
    void bothInboxRowsMoveToTheNewMessage() {
        Message reply = stored(bayko, "reply");

        List<GroupMove> moves = app.moveGroups.apply(List.of(reply)).block();

        assertThat(moves).extracting(GroupMove::outcome).containsExactly(MOVED);
        assertBothInboxesShowOnly(reply);
    }

    @Test
    void aBatchWithManyMessagesForOneGroupMakesOneMoveToTheNewest() {
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            batch.add(stored(i % 2 == 0 ? andrew : bayko, "n" + i));
        }
        Collections.shuffle(batch);

        List<GroupMove> moves = app.moveGroups.apply(batch).block();

        assertThat(moves).hasSize(1);
        assertThat(moves.get(0).newest().text()).isEqualTo("n24");
        assertThat(app.store.moveAttempts()).isEqualTo(1);
        assertBothInboxesShowOnly(moves.get(0).newest());
    }

    @Test
    void batchesOutOfOrderNeverMoveAGroupBackwards() {
        Message older = stored(andrew, "older");
        Message newer = stored(bayko, "newer");

        assertThat(app.moveGroups.apply(List.of(newer)).block()).extracting(GroupMove::outcome).containsExactly(MOVED);
        assertThat(app.moveGroups.apply(List.of(older)).block())
                .extracting(GroupMove::outcome).containsExactly(ALREADY_CURRENT);

        assertBothInboxesShowOnly(newer);
    }

    @Test
    void aBatchDeliveredTwiceChangesNothingTheSecondTime() {
        List<Message> batch = List.of(stored(andrew, "a"), stored(bayko, "b"));

        app.moveGroups.apply(batch).block();
        List<GroupMove> replay = app.moveGroups.apply(batch).block();

        assertThat(replay).extracting(GroupMove::outcome).containsExactly(ALREADY_CURRENT);
        assertBothInboxesShowOnly(batch.get(1));
    }

    @Test
    void aBatchAcrossGroupsMovesEachGroupOnce() {
        Participant londo = app.user("Londo Mollari");
        SentMessage other = app.start(londo, andrew, "other");
        Message inFirst = stored(bayko, "first group");
        Message inOther = app.sendMessage.send(SendMessage.Command.of(
                londo, other.message().groupId().toString(), "other group", null)).block().message();

        List<GroupMove> moves = app.moveGroups.apply(List.of(inFirst, inOther, inFirst)).block();

        assertThat(moves).extracting(GroupMove::group, GroupMove::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(group, MOVED),
                org.assertj.core.groups.Tuple.tuple(other.message().groupId(), MOVED));
        assertThat(app.store.storedInbox(andrew.id())).extracting(e -> e.lastMessage().text())
                .containsExactly("other group", "first group");
    }

    @Test
    void aMoveThatLosesARaceReadsAgainAndSucceeds() {
        Message reply = stored(bayko, "reply");
        app.store.loseNextMoves(3);

        List<GroupMove> moves = app.moveGroups.apply(List.of(reply)).block();

        assertThat(moves).extracting(GroupMove::outcome).containsExactly(MOVED);
        assertThat(app.store.moveAttempts()).isEqualTo(4);
        assertBothInboxesShowOnly(reply);
    }

    @Test
    void aMoveThatKeepsLosingIsReportedAsFailedAndLeavesTheRowsAsTheyWere() {
        Message reply = stored(bayko, "reply");
        app.store.loseNextMoves(1_000);

        List<GroupMove> moves = app.moveGroups.apply(List.of(reply)).block();

        assertThat(moves).extracting(GroupMove::outcome).containsExactly(FAILED);
        assertThat(moves.get(0).failure()).isPresent();
        assertBothInboxesShowOnly(conversation.message());
    }

    @Test
    void aRaceThatDoesNotSettleIsReportedAsTheLostRaceAfterEveryAttempt() {
        Message reply = stored(bayko, "reply");
        app.store.loseNextMoves(1_000);

        List<GroupMove> moves = app.moveGroups.apply(List.of(reply)).block();

        assertThat(moves.get(0).failure()).get().isInstanceOf(ConcurrentUpdateException.class);
        assertThat(app.store.moveAttempts()).isEqualTo(8);
    }

    @Test
    void anUnavailableStoreFailsTheMoveWithoutThrowing() {
        Message reply = stored(bayko, "reply");
        app.store.simulateUnavailable(true);

        List<GroupMove> moves = app.moveGroups.apply(List.of(reply)).block();

        assertThat(moves).extracting(GroupMove::outcome).containsExactly(FAILED);
        assertThat(moves.get(0).failure()).get().isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void aMessageOfAnUnknownGroupIsReportedNotMoved() {
        Message stray = ContractFixtures.message(new MessageGroupId(UUID.randomUUID()), andrew, "stray",
                ContractFixtures.at(100));

        assertThat(app.moveGroups.apply(List.of(stray)).block()).extracting(GroupMove::outcome)
                .containsExactly(UNKNOWN_GROUP);
    }

    @Test
    void concurrentBatchesForOneGroupEndAtTheNewestWithOneRowPerParticipant() {
        List<Message> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sent.add(stored(i % 2 == 0 ? andrew : bayko, "c" + i));
        }

        reactor.core.publisher.Flux.fromIterable(sent)
                .parallel(6)
                .runOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .flatMap(message -> app.moveGroups.apply(List.of(message)))
                .sequential()
                .blockLast();

        assertBothInboxesShowOnly(sent.get(sent.size() - 1));
    }
}
