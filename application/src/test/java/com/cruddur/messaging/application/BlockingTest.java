package com.cruddur.messaging.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.port.BlockedException;
import com.cruddur.messaging.domain.Block;
import com.cruddur.messaging.domain.DomainViolation;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Blocking over the in-memory store: what a blocked sender is refused, and what the blocker still has. */
class BlockingTest {

    private final UseCaseFixture app = new UseCaseFixture();
    private final Participant andrew = app.user("Andrew Brown");
    private final Participant bayko = app.user("Andrew Bayko");
    private final Participant londo = app.user("Londo Mollari");

    private Block block(Participant blocker, Participant blocked) {
        return app.blockUser.block(new BlockUser.Command(blocker, blocked.handle().value())).block();
    }

    private void unblock(Participant blocker, Participant blocked) {
        app.unblockUser.unblock(new UnblockUser.Command(blocker, blocked.handle().value())).block();
    }

    private List<Message> stored(MessageGroupId group) {
        return app.store.messages().newestFirst(group, 50, Optional.empty()).block().items();
    }

    private InboxEntry rowOf(Participant owner) {
        List<InboxEntry> inbox = app.listMessageGroups
                .list(new ListMessageGroups.Query(owner, PageQuery.first())).block().items();
        assertThat(inbox).hasSize(1);
        return inbox.get(0);
    }

    private SendMessage.Command into(Participant sender, MessageGroupId group, String text, String key) {
        return SendMessage.Command.of(sender, group.toString(), text, key);
    }

    @Test
    void aBlockedUserCannotStartAConversationAndNothingIsStored() {
        block(bayko, andrew);

        StepVerifier.create(app.startConversation.send(
                        StartConversation.Command.of(andrew, bayko.handle().value(), "hello?", "key-1")))
                .expectError(BlockedException.class)
                .verify();

        StepVerifier.create(app.store.messageGroups().findByPair(ParticipantPair.of(andrew.id(), bayko.id())))
                .verifyComplete();
        assertThat(app.store.storedInbox(andrew.id())).isEmpty();
        assertThat(app.store.storedInbox(bayko.id())).isEmpty();
        // No idempotency record either: after the unblock the same key serves another text
        unblock(bayko, andrew);
        SentMessage later = app.startConversation.send(
                StartConversation.Command.of(andrew, bayko.handle().value(), "hello again", "key-1")).block();
        assertThat(later.message().text()).isEqualTo("hello again");
    }

    @Test
    void aBlockedUserCannotSendIntoTheConversationAndNothingIsStored() {
        SentMessage started = app.start(bayko, andrew, "hi andrew");
        MessageGroupId group = started.message().groupId();
        block(bayko, andrew);

        StepVerifier.create(app.sendMessage.send(into(andrew, group, "why?", "key-2")))
                .expectError(BlockedException.class)
                .verify();
        StepVerifier.create(app.startConversation.send(
                        StartConversation.Command.of(andrew, bayko.handle().value(), "why?", null)))
                .expectError(BlockedException.class)
                .verify();

        assertThat(stored(group)).containsExactly(started.message());
        unblock(bayko, andrew);
        SentMessage after = app.sendMessage.send(into(andrew, group, "sorry", "key-2")).block();
        assertThat(after.message().text()).isEqualTo("sorry");
        assertThat(stored(group)).containsExactly(after.message(), started.message());
    }

    @Test
    void theBlockerMaySendAndReadTheWholeHistory() {
        SentMessage started = app.start(andrew, bayko, "hi bayko");
        block(bayko, andrew);

        SentMessage reply = app.sendAndMove(bayko, started, "one last thing");

        List<Message> history = app.listMessages.list(new ListMessages.Query(bayko, started.message().groupId(),
                PageQuery.first())).block().page().items();
        assertThat(history).containsExactly(started.message(), reply.message());
        assertThat(rowOf(andrew).unreadCount()).isEqualTo(1);
    }

    @Test
    void theBlockersCountDropsToZeroAndMessagesStoredJustBeforeTheBlockDoNotCount() {
        SentMessage started = app.start(andrew, bayko, "one");
        app.moveGroups.apply(List.of(started.message())).block();
        // Stored before the block, moved by pattern E after it
        Message racing = app.sendMessage.send(into(andrew, started.message().groupId(), "two", null)).block()
                .message();
        assertThat(rowOf(bayko).unreadCount()).isEqualTo(1);

        block(bayko, andrew);
        assertThat(rowOf(bayko).unreadCount()).isZero();
        app.moveGroups.apply(List.of(racing)).block();

        assertThat(rowOf(bayko).unreadCount()).isZero();
        assertThat(rowOf(bayko).lastMessage().text()).isEqualTo("two");
    }

    @Test
    void afterAnUnblockNewMessagesCountAgain() {
        SentMessage started = app.start(andrew, bayko, "one");
        app.moveGroups.apply(List.of(started.message())).block();
        block(bayko, andrew);
        unblock(bayko, andrew);

        app.sendAndMove(andrew, started, "two");

        assertThat(rowOf(bayko).unreadCount()).isEqualTo(1);
    }

    @Test
    void blockingTwiceAnswersTheFirstBlock() {
        Block first = block(bayko, andrew);
        app.clock.tick();

        Block again = block(bayko, andrew);

        assertThat(again).isEqualTo(first);
        assertThat(first.blocked()).isEqualTo(andrew);
        assertThat(first.at()).isEqualTo(Timestamp.of(com.cruddur.messaging.application.contract.ContractFixtures.BASE));
    }

    @Test
    void unblockingSomeoneNotBlockedIsFine() {
        StepVerifier.create(app.unblockUser.unblock(new UnblockUser.Command(bayko, andrew.handle().value())))
                .verifyComplete();
    }

    @Test
    void anUnknownOrMalformedHandleIsNotFoundAndOneselfIsRefused() {
        for (String handle : List.of("nobody", "not a handle!")) {
            StepVerifier.create(app.blockUser.block(new BlockUser.Command(bayko, handle)))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(NotFoundException.class,
                            notFound -> assertThat(notFound.code()).isEqualTo("user_not_found")))
                    .verify();
            StepVerifier.create(app.unblockUser.unblock(new UnblockUser.Command(bayko, handle)))
                    .expectError(NotFoundException.class)
                    .verify();
        }
        StepVerifier.create(app.blockUser.block(new BlockUser.Command(bayko, bayko.handle().value())))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(DomainViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("block_self")))
                .verify();
        StepVerifier.create(app.unblockUser.unblock(new UnblockUser.Command(bayko, bayko.handle().value())))
                .expectError(DomainViolation.class)
                .verify();
    }

    @Test
    void theListShowsTheCallersBlocksOnlyAPageAtATime() {
        block(bayko, andrew);
        block(bayko, londo);
        block(londo, andrew);

        List<Block> listed = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            var page = app.listBlocks.list(new ListBlocks.Query(bayko, new PageQuery(1, cursor))).block();
            listed.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());

        assertThat(listed).extracting(Block::blocked).containsExactlyInAnyOrder(andrew, londo);
        assertThat(listed).extracting(Block::blocker).containsOnly(bayko.id());
    }

    @Test
    void aCursorOfAnotherCallerIsRefused() {
        block(bayko, andrew);
        block(bayko, londo);
        String cursor = app.listBlocks.list(new ListBlocks.Query(bayko, new PageQuery(1, Optional.empty())))
                .block().next().orElseThrow();

        StepVerifier.create(app.listBlocks.list(new ListBlocks.Query(londo, new PageQuery(1, Optional.of(cursor)))))
                .expectError(InvalidCursorException.class)
                .verify();
    }
}
