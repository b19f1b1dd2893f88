package com.cruddur.messaging.domain;

import static com.cruddur.messaging.domain.Fixtures.ANDREW;
import static com.cruddur.messaging.domain.Fixtures.BAYKO;
import static com.cruddur.messaging.domain.Fixtures.GROUP;
import static com.cruddur.messaging.domain.Fixtures.at;
import static com.cruddur.messaging.domain.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockTest {

    private final MessageGroup.Conversation started = MessageGroup.start(GROUP,
            MessageId.of("a0000000-0000-4000-8000-000000000001"), ANDREW, BAYKO, new MessageText("hi bayko"),
            at("2026-11-22T10:00:00.000000+00:00"));
    private final Message one = message(GROUP, ANDREW, "one", "2026-11-22T10:01:00.000000+00:00");
    private final Message two = message(GROUP, ANDREW, "two", "2026-11-22T10:02:00.000000+00:00");
    private final Message reply = message(GROUP, BAYKO, "reply", "2026-11-22T10:03:00.000000+00:00");

    @Test
    void nobodyBlocksThemselves() {
        assertThatThrownBy(() -> new Block(ANDREW.id(), ANDREW, at("2026-11-22T10:00:00.000000+00:00")))
                .isInstanceOfSatisfying(DomainViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("block_self");
                    assertThat(violation.kind()).isEqualTo(DomainViolation.Kind.INVALID);
                });
        assertThatThrownBy(() -> Block.refuseSelf(BAYKO.id(), BAYKO.id())).isInstanceOf(DomainViolation.class);
    }

    @Test
    void theBlockedMayNotSendTheBlockerMay() {
        MessageGroup blocked = started.group().blockedBy(BAYKO.id()).orElseThrow();

        assertThat(blocked.blocksMessagesFrom(ANDREW.id())).isTrue();
        assertThat(blocked.blocksMessagesFrom(BAYKO.id())).isFalse();
        assertThat(started.group().blocksMessagesFrom(ANDREW.id())).isFalse();
    }

    @Test
    void blockingClearsTheBlockersCountAndTheBlockedsMessagesNeverRaiseIt() {
        MessageGroup counted = started.group().movedTo(one, List.of(one)).orElseThrow();
        assertThat(counted.readStateOf(BAYKO.id()).unread()).isEqualTo(2);

        MessageGroup blocked = counted.blockedBy(BAYKO.id()).orElseThrow();
        assertThat(blocked.readStateOf(BAYKO.id()).unread()).isZero();
        assertThat(blocked.inboxEntryOf(BAYKO.id()).unreadCount()).isZero();

        MessageGroup afterMore = blocked.movedTo(reply, List.of(two, reply)).orElseThrow();
        assertThat(afterMore.readStateOf(BAYKO.id()).unread()).isZero();
        assertThat(afterMore.readStateOf(BAYKO.id()).blocksOther()).isTrue();
        assertThat(afterMore.readStateOf(ANDREW.id()).unread()).isEqualTo(1);
    }

    @Test
    void aReadWhileBlockingCountsNothingAndKeepsTheBlock() {
        MessageGroup blocked = started.group().movedTo(two, List.of(one, two)).orElseThrow()
                .blockedBy(BAYKO.id()).orElseThrow();

        MessageGroup read = blocked.readBy(BAYKO.id(), ReadPosition.of(one), 1).orElseThrow();

        assertThat(read.readStateOf(BAYKO.id()).unread()).isZero();
        assertThat(read.readStateOf(BAYKO.id()).blocksOther()).isTrue();
        assertThat(read.readStateOf(BAYKO.id()).seen()).contains(ReadPosition.of(one));
    }

    @Test
    void unblockingCountsWhatArrivesAfterwards() {
        MessageGroup blocked = started.group().blockedBy(BAYKO.id()).orElseThrow();
        MessageGroup duringBlock = blocked.movedTo(one, List.of(one)).orElseThrow();

        MessageGroup unblocked = duringBlock.unblockedBy(BAYKO.id()).orElseThrow();
        assertThat(unblocked.readStateOf(BAYKO.id()).unread()).isZero();
        assertThat(unblocked.blocksMessagesFrom(ANDREW.id())).isFalse();

        MessageGroup afterwards = unblocked.movedTo(two, List.of(two)).orElseThrow();
        assertThat(afterwards.readStateOf(BAYKO.id()).unread()).isEqualTo(1);
    }

    @Test
    void blockingTwiceOrUnblockingWhoIsNotBlockedChangesNothing() {
        MessageGroup blocked = started.group().blockedBy(BAYKO.id()).orElseThrow();

        assertThat(blocked.blockedBy(BAYKO.id())).isEmpty();
        assertThat(started.group().unblockedBy(BAYKO.id())).isEmpty();
    }

    @Test
    void eachParticipantBlocksOnTheirOwn() {
        MessageGroup both = started.group().blockedBy(BAYKO.id()).orElseThrow()
                .blockedBy(ANDREW.id()).orElseThrow();

        assertThat(both.blocksMessagesFrom(ANDREW.id())).isTrue();
        assertThat(both.blocksMessagesFrom(BAYKO.id())).isTrue();
        assertThat(both.unblockedBy(ANDREW.id()).orElseThrow().blocksMessagesFrom(BAYKO.id())).isFalse();
    }

    @Test
    void aBlockingReaderHasNothingUnread() {
        assertThatThrownBy(() -> new ReadState(java.util.Optional.empty(), 2, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
