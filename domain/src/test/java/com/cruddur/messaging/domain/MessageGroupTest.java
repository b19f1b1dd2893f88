package com.cruddur.messaging.domain;

import static com.cruddur.messaging.domain.Fixtures.ANDREW;
import static com.cruddur.messaging.domain.Fixtures.BAYKO;
import static com.cruddur.messaging.domain.Fixtures.GROUP;
import static com.cruddur.messaging.domain.Fixtures.LONDO;
import static com.cruddur.messaging.domain.Fixtures.OTHER_GROUP;
import static com.cruddur.messaging.domain.Fixtures.at;
import static com.cruddur.messaging.domain.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.MessageGroup.Conversation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageGroupTest {

    private static final MessageId FIRST_MESSAGE = MessageId.of("a0000000-0000-4000-8000-000000000001");

    private final Conversation started = MessageGroup.start(GROUP, FIRST_MESSAGE, ANDREW, BAYKO,
            new MessageText("hi bayko"), at("2026-11-22T10:00:00.000000+00:00"));
    private final MessageGroup group = started.group();

    @Test
    void startingMakesTheGroupAndItsFirstMessage() {
        assertThat(group.id()).isEqualTo(GROUP);
        assertThat(group.first()).isEqualTo(ANDREW);
        assertThat(group.second()).isEqualTo(BAYKO);
        assertThat(group.lastMessage()).isEqualTo(new LastMessage(at("2026-11-22T10:00:00.000000+00:00"), "hi bayko"));

        Message first = started.firstMessage();
        assertThat(first.id()).isEqualTo(FIRST_MESSAGE);
        assertThat(first.groupId()).isEqualTo(GROUP);
        assertThat(first.sender()).isEqualTo(ANDREW);
        assertThat(first.text()).isEqualTo("hi bayko");
        assertThat(first.createdAt()).isEqualTo(at("2026-11-22T10:00:00.000000+00:00"));
    }

    @Test
    void theOtherParticipantIsTheOneWhoIsNotAskingAndSomeoneOutsideHasNone() {
        assertThat(group.otherThan(ANDREW.id())).isEqualTo(BAYKO);
        assertThat(group.otherThan(BAYKO.id())).isEqualTo(ANDREW);
        assertThatThrownBy(() -> group.otherThan(LONDO.id())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nobodyStartsAConversationWithThemselves() {
        Participant andrewUnderAnotherName = new Participant(ANDREW.id(), "Andy", new Handle("andy"));

        assertThatThrownBy(() -> MessageGroup.start(GROUP, FIRST_MESSAGE, ANDREW, andrewUnderAnotherName,
                new MessageText("hello me"), at("2026-11-22T10:00:00+00:00")))
                .isInstanceOfSatisfying(DomainViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("message_self"));
    }

    @Test
    void aGroupOfOneIsRefusedAlsoWhenReadBack() {
        assertThatThrownBy(() -> new MessageGroup(GROUP, ANDREW, ANDREW,
                new LastMessage(at("2026-11-22T10:00:00+00:00"), "x")))
                .isInstanceOfSatisfying(DomainViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("message_self"));
    }

    @Test
    void knowsItsParticipants() {
        assertThat(group.hasParticipant(ANDREW.id())).isTrue();
        assertThat(group.hasParticipant(BAYKO.id())).isTrue();
        assertThat(group.hasParticipant(LONDO.id())).isFalse();
    }

    @Test
    void eachParticipantsInboxShowsTheOtherOneAndTheRecipientHasTheFirstMessageUnread() {
        List<InboxEntry> entries = group.inboxEntries();

        assertThat(entries).containsExactlyInAnyOrder(
                new InboxEntry(ANDREW.id(), GROUP, BAYKO, group.lastMessage(), 0),
                new InboxEntry(BAYKO.id(), GROUP, ANDREW, group.lastMessage(), 1));
    }

    @Test
    void movesToANewerMessage() {
        Message reply = message(GROUP, BAYKO, "hi andrew", "2026-11-22T10:05:00.000000+00:00");

        Optional<MessageGroup> moved = group.movedTo(reply);

        assertThat(moved).hasValueSatisfying(next -> {
            assertThat(next.lastMessage()).isEqualTo(new LastMessage(reply.createdAt(), "hi andrew"));
            assertThat(next.id()).isEqualTo(GROUP);
            assertThat(next.first()).isEqualTo(ANDREW);
            assertThat(next.second()).isEqualTo(BAYKO);
        });
        assertThat(moved.get().inboxEntries()).extracting(InboxEntry::lastMessage)
                .containsOnly(new LastMessage(reply.createdAt(), "hi andrew"));
        assertThat(group.lastMessage().text()).as("the original is unchanged").isEqualTo("hi bayko");
    }

    @Test
    void movesEvenOneMicrosecondForward() {
        Message next = message(GROUP, BAYKO, "quick", "2026-11-22T10:00:00.000001+00:00");

        assertThat(group.movedTo(next)).map(MessageGroup::lastMessage)
                .contains(new LastMessage(next.createdAt(), "quick"));
    }

    @Test
    void doesNotMoveToAnOlderMessage() {
        Message older = message(GROUP, BAYKO, "late delivery", "2026-11-22T09:59:59.999999+00:00");

        assertThat(group.movedTo(older)).isEmpty();
    }

    @Test
    void doesNotMoveToAMessageOfTheSameInstant() {
        assertThat(group.movedTo(started.firstMessage())).isEmpty();
        assertThat(group.movedTo(message(GROUP, BAYKO, "same instant", "2026-11-22T10:00:00.000000+00:00"))).isEmpty();
    }

    @Test
    void refusesAMessageOfAnotherGroup() {
        Message elsewhere = message(OTHER_GROUP, BAYKO, "wrong group", "2026-11-22T11:00:00+00:00");

        assertThatThrownBy(() -> group.movedTo(elsewhere)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void applyingTheSameMessageTwiceMovesOnce() {
        Message reply = message(GROUP, BAYKO, "hi andrew", "2026-11-22T10:05:00+00:00");

        MessageGroup once = group.movedTo(reply).orElseThrow();

        assertThat(once.movedTo(reply)).isEmpty();
    }

    @Test
    void outOfOrderDeliveriesNeverMoveBackwardsAndEndAtTheNewest() {
        List<Message> messages = List.of(
                message(GROUP, BAYKO, "one", "2026-11-22T10:01:00+00:00"),
                message(GROUP, ANDREW, "two", "2026-11-22T10:02:00+00:00"),
                message(GROUP, BAYKO, "three", "2026-11-22T10:02:00.000001+00:00"),
                message(GROUP, ANDREW, "four", "2026-11-22T10:03:00+00:00"));

        for (List<Message> order : permutations(messages)) {
            MessageGroup current = group;
            List<Message> applied = new ArrayList<>(order);
            applied.addAll(order); // a replay of the whole batch changes nothing
            for (Message message : applied) {
                Timestamp before = current.lastMessage().at();
                current = current.movedTo(message).orElse(current);
                assertThat(current.lastMessage().at()).as("order %s", texts(order)).isGreaterThanOrEqualTo(before);
            }
            assertThat(current.lastMessage()).as("order %s", texts(order))
                    .isEqualTo(new LastMessage(at("2026-11-22T10:03:00+00:00"), "four"));
        }
    }

    @Test
    void aReadBackGroupNeedsAllItsParts() {
        LastMessage last = new LastMessage(at("2026-11-22T10:00:00+00:00"), "x");

        assertThatThrownBy(() -> new MessageGroup(null, ANDREW, BAYKO, last)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MessageGroup(GROUP, null, BAYKO, last)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MessageGroup(GROUP, ANDREW, null, last)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MessageGroup(GROUP, ANDREW, BAYKO, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aLastMessageWithoutTextShowsEmptyText() {
        assertThat(new LastMessage(at("2026-11-22T10:00:00+00:00"), null).text()).isEmpty();
    }

    @Test
    void aParticipantWithoutDisplayNameShowsAnEmptyOne() {
        assertThat(new Participant(ANDREW.id(), null, ANDREW.handle()).displayName()).isEmpty();
    }

    private static List<String> texts(List<Message> messages) {
        return messages.stream().map(Message::text).toList();
    }

    static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> permutation = new ArrayList<>();
                permutation.add(head);
                permutation.addAll(tail);
                all.add(permutation);
            }
        }
        return all;
    }

    @Test
    void aRenamedParticipantIsShownWithTheNewNameAndNothingElseChanges() {
        MessageGroup read = group.movedTo(message(GROUP, BAYKO, "hey", "2026-11-22T10:01:00.000000+00:00"))
                .orElseThrow();
        Participant renamed = new Participant(BAYKO.id(), "Bayko the Brave", new Handle("brave"));

        MessageGroup shown = read.showing(renamed).orElseThrow();

        assertThat(shown.second()).isEqualTo(renamed);
        assertThat(shown.first()).isEqualTo(ANDREW);
        assertThat(shown.lastMessage()).isEqualTo(read.lastMessage());
        assertThat(shown.firstRead()).isEqualTo(read.firstRead());
        assertThat(shown.secondRead()).isEqualTo(read.secondRead());
        assertThat(shown.inboxEntryOf(ANDREW.id()).other()).isEqualTo(renamed);
        assertThat(shown.inboxEntryOf(BAYKO.id()).other()).isEqualTo(ANDREW);
    }

    @Test
    void aGroupShowingTheNewNameAlreadyHasNothingToChange() {
        Participant renamed = new Participant(ANDREW.id(), "Andy", ANDREW.handle());
        MessageGroup shown = group.showing(renamed).orElseThrow();

        assertThat(shown.first().displayName()).isEqualTo("Andy");
        assertThat(shown.showing(renamed)).isEmpty();
        assertThat(group.showing(ANDREW)).isEmpty();
        assertThatThrownBy(() -> group.showing(LONDO)).isInstanceOf(IllegalArgumentException.class);
    }
}
