package com.cruddur.messaging.application.contract;

import static com.cruddur.messaging.application.contract.ContractFixtures.at;
import static com.cruddur.messaging.application.contract.ContractFixtures.conversation;
import static com.cruddur.messaging.application.contract.ContractFixtures.message;
import static com.cruddur.messaging.application.contract.ContractFixtures.participant;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.port.BlockedException;
import com.cruddur.messaging.application.port.Blocks;
import com.cruddur.messaging.application.port.Blocks.GroupChange;
import com.cruddur.messaging.application.port.ConcurrentUpdateException;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.Block;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * What every {@link Blocks} implementation must do, with the {@link MessageGroups} of the same store: a block is
 * stored with the pair's conversation atomically, and a start never passes a block. Tests isolate themselves with
 * fresh ids.
 */
public abstract class BlocksContract {

    protected abstract Blocks blocks();

    protected abstract MessageGroups messageGroups();

    protected abstract Messages messages();

    private final Participant andrew = participant("Andrew Brown");
    private final Participant bayko = participant("Andrew Bayko");

    private Block baykoBlocksAndrew() {
        return new Block(bayko.id(), andrew, at(30));
    }

    private MessageGroup started(Participant sender, Participant recipient) {
        MessageGroup.Conversation conversation = conversation(sender, recipient, "hello", at(0));
        StepVerifier.create(messageGroups().start(conversation, Optional.empty())).verifyComplete();
        return conversation.group();
    }

    private InboxEntry rowOf(Participant owner) {
        List<InboxEntry> rows = messageGroups().inbox(owner.id(), 10, Optional.empty()).block().items();
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void aBlockWithoutAConversationIsFoundAsStored() {
        StepVerifier.create(blocks().find(bayko.id(), andrew.id())).verifyComplete();

        StepVerifier.create(blocks().block(baykoBlocksAndrew(), Optional.empty())).verifyComplete();

        StepVerifier.create(blocks().find(bayko.id(), andrew.id())).expectNext(baykoBlocksAndrew()).verifyComplete();
        StepVerifier.create(blocks().find(andrew.id(), bayko.id())).verifyComplete();
    }

    @Test
    void noConversationIsStartedPastABlockAndNothingOfItIsStored() {
        blocks().block(baykoBlocksAndrew(), Optional.empty()).block();
        MessageGroup.Conversation refused = conversation(andrew, bayko, "let me explain", at(40));

        StepVerifier.create(messageGroups().start(refused, Optional.empty()))
                .expectError(BlockedException.class)
                .verify();

        StepVerifier.create(messageGroups().findByPair(ParticipantPair.of(andrew.id(), bayko.id()))).verifyComplete();
        StepVerifier.create(messageGroups().find(refused.group().id())).verifyComplete();
        assertThat(messageGroups().inbox(bayko.id(), 10, Optional.empty()).block().items()).isEmpty();
        assertThat(messageGroups().inbox(andrew.id(), 10, Optional.empty()).block().items()).isEmpty();
        StepVerifier.create(messages().find(refused.group().id(), refused.firstMessage().id(),
                refused.firstMessage().createdAt())).verifyComplete();
    }

    @Test
    void theBlockerMayStillStartAConversation() {
        blocks().block(baykoBlocksAndrew(), Optional.empty()).block();

        MessageGroup group = started(bayko, andrew);

        StepVerifier.create(messageGroups().find(group.id())).expectNext(group).verifyComplete();
    }

    @Test
    void aBlockIsStoredWithTheConversationItChanges() {
        MessageGroup group = started(andrew, bayko);
        MessageGroup blocked = group.blockedBy(bayko.id()).orElseThrow();

        StepVerifier.create(blocks().block(baykoBlocksAndrew(), Optional.of(new GroupChange(group, blocked))))
                .verifyComplete();

        StepVerifier.create(messageGroups().find(group.id())).expectNext(blocked).verifyComplete();
        assertThat(blocked.blocksMessagesFrom(andrew.id())).isTrue();
        assertThat(rowOf(bayko).unreadCount()).isZero();
        assertThat(rowOf(andrew).unreadCount()).isZero();
        StepVerifier.create(blocks().find(bayko.id(), andrew.id())).expectNext(baykoBlocksAndrew()).verifyComplete();
    }

    @Test
    void aBlockMadeAsIfThereWereNoConversationFailsWhenThereIsOne() {
        started(andrew, bayko);

        StepVerifier.create(blocks().block(baykoBlocksAndrew(), Optional.empty()))
                .expectError(ConcurrentUpdateException.class)
                .verify();

        StepVerifier.create(blocks().find(bayko.id(), andrew.id())).verifyComplete();
    }

    @Test
    void aBlockOnAConversationThatMovedMeanwhileFailsAndStoresNothing() {
        MessageGroup group = started(andrew, bayko);
        Message next = message(group.id(), andrew, "one more", at(5));
        messages().append(next, Optional.empty()).block();
        MessageGroup moved = group.movedTo(next).orElseThrow();
        messageGroups().update(group, moved).block();

        StepVerifier.create(blocks().block(baykoBlocksAndrew(),
                        Optional.of(new GroupChange(group, group.blockedBy(bayko.id()).orElseThrow()))))
                .expectError(ConcurrentUpdateException.class)
                .verify();

        StepVerifier.create(blocks().find(bayko.id(), andrew.id())).verifyComplete();
        StepVerifier.create(messageGroups().find(group.id())).expectNext(moved).verifyComplete();
        assertThat(rowOf(bayko).unreadCount()).isEqualTo(2);
    }

    @Test
    void aMoveReadBeforeTheBlockFailsAfterIt() {
        MessageGroup group = started(andrew, bayko);
        MessageGroup blocked = group.blockedBy(bayko.id()).orElseThrow();
        blocks().block(baykoBlocksAndrew(), Optional.of(new GroupChange(group, blocked))).block();
        Message racing = message(group.id(), andrew, "sent just before", at(5));
        messages().append(racing, Optional.empty()).block();

        StepVerifier.create(messageGroups().update(group, group.movedTo(racing).orElseThrow()))
                .expectError(ConcurrentUpdateException.class)
                .verify();

        assertThat(rowOf(bayko).unreadCount()).isZero();
    }

    @Test
    void unblockingRemovesTheBlockAndChangesTheConversation() {
        MessageGroup group = started(andrew, bayko);
        MessageGroup blocked = group.blockedBy(bayko.id()).orElseThrow();
        blocks().block(baykoBlocksAndrew(), Optional.of(new GroupChange(group, blocked))).block();
        MessageGroup unblocked = blocked.unblockedBy(bayko.id()).orElseThrow();

        StepVerifier.create(blocks().unblock(bayko.id(), andrew.id(), Optional.of(new GroupChange(blocked, unblocked))))
                .verifyComplete();

        StepVerifier.create(blocks().find(bayko.id(), andrew.id())).verifyComplete();
        StepVerifier.create(messageGroups().find(group.id())).expectNext(unblocked).verifyComplete();
        assertThat(unblocked.blocksMessagesFrom(andrew.id())).isFalse();
    }

    @Test
    void unblockingSomeoneNotBlockedIsHarmless() {
        StepVerifier.create(blocks().unblock(bayko.id(), andrew.id(), Optional.empty())).verifyComplete();

        StepVerifier.create(blocks().find(bayko.id(), andrew.id())).verifyComplete();
    }

    @Test
    void aStartAfterAnUnblockIsStored() {
        blocks().block(baykoBlocksAndrew(), Optional.empty()).block();
        blocks().unblock(bayko.id(), andrew.id(), Optional.empty()).block();

        MessageGroup group = started(andrew, bayko);

        StepVerifier.create(messageGroups().findByPair(ParticipantPair.of(andrew.id(), bayko.id())))
                .expectNext(group.id())
                .verifyComplete();
    }

    @Test
    void aBlockersListComesInPagesOfTheBlockedUsersIds() {
        Participant blocker = participant("Many Blocks");
        List<Block> made = IntStream.range(0, 7)
                .mapToObj(i -> new Block(blocker.id(), participant("Blocked " + (char) ('a' + i)), at(i)))
                .toList();
        made.forEach(block -> blocks().block(block, Optional.empty()).block());
        blocks().block(new Block(participant("Someone Else").id(), made.get(0).blocked(), at(9)), Optional.empty())
                .block();

        List<Block> listed = new ArrayList<>();
        Optional<String> after = Optional.empty();
        int pages = 0;
        do {
            Page<Block> page = blocks().list(blocker.id(), 3, after).block();
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            listed.addAll(page.items());
            after = page.next();
            pages++;
        } while (after.isPresent());

        assertThat(listed).containsExactlyElementsOf(made.stream()
                .sorted(Comparator.comparing(block -> block.blocked().id().toString())).toList());
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void anEmptyListHasNoNextPage() {
        StepVerifier.create(blocks().list(participant("Nobody Blocked").id(), 5, Optional.empty()))
                .assertNext(page -> {
                    assertThat(page.items()).isEmpty();
                    assertThat(page.next()).isEmpty();
                })
                .verifyComplete();
    }
}
