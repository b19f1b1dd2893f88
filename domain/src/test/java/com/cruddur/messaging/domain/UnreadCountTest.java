package com.cruddur.messaging.domain;

import static com.cruddur.messaging.domain.Fixtures.ANDREW;
import static com.cruddur.messaging.domain.Fixtures.BAYKO;
import static com.cruddur.messaging.domain.Fixtures.GROUP;
import static com.cruddur.messaging.domain.Fixtures.LONDO;
import static com.cruddur.messaging.domain.Fixtures.at;
import static com.cruddur.messaging.domain.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnreadCountTest {

    private final MessageGroup.Conversation started = MessageGroup.start(GROUP,
            MessageId.of("a0000000-0000-4000-8000-000000000001"), ANDREW, BAYKO, new MessageText("hi bayko"),
            at("2026-11-22T10:00:00.000000+00:00"));
    private final Message one = message(GROUP, BAYKO, "one", "2026-11-22T10:01:00.000000+00:00");
    private final Message two = message(GROUP, BAYKO, "two", "2026-11-22T10:02:00.000000+00:00");
    private final Message three = message(GROUP, BAYKO, "three", "2026-11-22T10:03:00.000000+00:00");

    private MessageGroup readByAndrewUpTo(MessageGroup group, Message message, int unreadAfter) {
        return group.readBy(ANDREW.id(), ReadPosition.of(message), unreadAfter).orElseThrow();
    }

    @Test
    void everyMessageAMoveGoesPastCountsForTheOtherParticipantOnly() {
        MessageGroup moved = started.group().movedTo(three, List.of(one, two, three)).orElseThrow();

        assertThat(moved.readStateOf(ANDREW.id()).unread()).isEqualTo(3);
        assertThat(moved.readStateOf(BAYKO.id()).unread()).isEqualTo(1);
        assertThat(moved.inboxEntryOf(ANDREW.id()).unreadCount()).isEqualTo(3);
    }

    @Test
    void theNewestCountsEvenWhenTheArrivalsMissIt() {
        MessageGroup moved = started.group().movedTo(one, List.of()).orElseThrow();

        assertThat(moved.readStateOf(ANDREW.id()).unread()).isEqualTo(1);
    }

    @Test
    void arrivalsOutsideTheMoveAreNotCountedTwice() {
        MessageGroup atTwo = started.group().movedTo(two, List.of(one, two)).orElseThrow();

        MessageGroup atThree = atTwo.movedTo(three, List.of(one, two, three)).orElseThrow();

        assertThat(atThree.readStateOf(ANDREW.id()).unread()).isEqualTo(3);
    }

    @Test
    void aReplayedOrOlderMoveChangesNothing() {
        MessageGroup atThree = started.group().movedTo(three, List.of(one, two, three)).orElseThrow();

        assertThat(atThree.movedTo(three, List.of(three))).isEmpty();
        assertThat(atThree.movedTo(two, List.of(one, two))).isEmpty();
    }

    @Test
    void readingMovesThePositionAndSetsTheCount() {
        MessageGroup atThree = started.group().movedTo(three, List.of(one, two, three)).orElseThrow();

        MessageGroup read = readByAndrewUpTo(atThree, two, 1);

        assertThat(read.readStateOf(ANDREW.id()).seen()).contains(ReadPosition.of(two));
        assertThat(read.readStateOf(ANDREW.id()).unread()).isEqualTo(1);
        assertThat(read.readStateOf(BAYKO.id())).isEqualTo(atThree.readStateOf(BAYKO.id()));
    }

    @Test
    void aReadPositionNeverMovesBack() {
        MessageGroup read = readByAndrewUpTo(started.group().movedTo(three, List.of(one, two, three)).orElseThrow(),
                three, 0);

        assertThat(read.readBy(ANDREW.id(), ReadPosition.of(two), 1)).isEmpty();
        assertThat(read.readBy(ANDREW.id(), ReadPosition.of(three), 0)).isEmpty();
    }

    @Test
    void messagesAReaderHasSeenAlreadyAreNotCountedWhenTheMoveComesLater() {
        MessageGroup readAhead = readByAndrewUpTo(started.group(), two, 0);

        MessageGroup moved = readAhead.movedTo(three, List.of(one, two, three)).orElseThrow();

        assertThat(moved.readStateOf(ANDREW.id()).unread()).isEqualTo(1);
    }

    @Test
    void onlyParticipantsRead() {
        assertThatThrownBy(() -> started.group().readBy(LONDO.id(), ReadPosition.of(one), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCountIsNeverNegative() {
        assertThatThrownBy(() -> new ReadState(java.util.Optional.empty(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
