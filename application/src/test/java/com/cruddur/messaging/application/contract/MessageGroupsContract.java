package com.cruddur.messaging.application.contract;

import static com.cruddur.messaging.application.contract.ContractFixtures.at;
import static com.cruddur.messaging.application.contract.ContractFixtures.conversation;
import static com.cruddur.messaging.application.contract.ContractFixtures.message;
import static com.cruddur.messaging.application.contract.ContractFixtures.movedTo;
import static com.cruddur.messaging.application.contract.ContractFixtures.WINDOW;
import static com.cruddur.messaging.application.contract.ContractFixtures.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.cruddur.messaging.application.port.ConcurrentUpdateException;
import com.cruddur.messaging.application.port.ConversationAlreadyExistsException;
import com.cruddur.messaging.application.port.DuplicateRequestException;
import com.cruddur.messaging.application.port.IdempotencyKeyReusedException;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.EditWindow;
import com.cruddur.messaging.domain.IdempotencyKey;
import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.InboxEntry;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageText;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import com.cruddur.messaging.domain.ReadPosition;
import com.cruddur.messaging.domain.RequestFingerprint;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every {@link MessageGroups} implementation must do. Extend it with a store per test class (or per run);
 * tests isolate themselves with fresh ids, never by emptying the store.
 */
public abstract class MessageGroupsContract {

    /** The implementation under test. */
    protected abstract MessageGroups messageGroups();

    /** The messages of the same store (a started conversation's first message is read through it). */
    protected abstract Messages messages();

    private final Participant andrew = participant("Andrew Brown");
    private final Participant bayko = participant("Andrew Bayko");
    private final Participant londo = participant("Londo Mollari");

    private MessageGroup.Conversation started(Participant sender, Participant recipient, Timestamp at) {
        MessageGroup.Conversation conversation = conversation(sender, recipient, "hello from " + sender.displayName(), at);
        StepVerifier.create(messageGroups().start(conversation, Optional.empty())).verifyComplete();
        return conversation;
    }

    private List<InboxEntry> wholeInbox(UserId owner, int pageSize) {
        List<InboxEntry> all = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            Page<InboxEntry> page = messageGroups().inbox(owner, pageSize, after).block();
            assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
            all.addAll(page.items());
            after = page.next();
        } while (after.isPresent());
        return all;
    }

    @Test
    void aStartedConversationIsFoundWithBothParticipantsAndItsFirstMessage() {
        MessageGroup.Conversation conversation = started(andrew, bayko, at(0));

        StepVerifier.create(messageGroups().find(conversation.group().id()))
                .assertNext(found -> {
                    assertThat(found).isEqualTo(conversation.group());
                    assertThat(found.lastMessage()).isEqualTo(LastMessage.of(conversation.firstMessage()));
                })
                .verifyComplete();
        StepVerifier.create(messages().newestFirst(conversation.group().id(), 10, Optional.empty()))
                .assertNext(page -> assertThat(page.items()).containsExactly(conversation.firstMessage()))
                .verifyComplete();
    }

    @Test
    void aStartedConversationIsFoundByItsPairWhoeverStartedIt() {
        MessageGroup.Conversation conversation = started(bayko, andrew, at(0));

        StepVerifier.create(messageGroups().findByPair(ParticipantPair.of(andrew.id(), bayko.id())))
                .expectNext(conversation.group().id())
                .verifyComplete();
        StepVerifier.create(messageGroups().findByPair(ParticipantPair.of(bayko.id(), andrew.id())))
                .expectNext(conversation.group().id())
                .verifyComplete();
    }

    @Test
    void unknownGroupsAndPairsAreEmpty() {
        StepVerifier.create(messageGroups().find(new MessageGroupId(UUID.randomUUID()))).verifyComplete();
        StepVerifier.create(messageGroups().findByPair(ParticipantPair.of(andrew.id(), londo.id()))).verifyComplete();
        StepVerifier.create(messageGroups().inbox(londo.id(), 10, Optional.empty()))
                .assertNext(page -> {
                    assertThat(page.items()).isEmpty();
                    assertThat(page.next()).isEmpty();
                })
                .verifyComplete();
    }

    @Test
    void eachParticipantsInboxShowsTheOtherOneAndTheLastMessage() {
        MessageGroup.Conversation conversation = started(andrew, bayko, at(0));
        LastMessage last = LastMessage.of(conversation.firstMessage());

        assertThat(wholeInbox(andrew.id(), 10))
                .containsExactly(new InboxEntry(andrew.id(), conversation.group().id(), bayko, last));
        assertThat(wholeInbox(bayko.id(), 10))
                .containsExactly(new InboxEntry(bayko.id(), conversation.group().id(), andrew, last, 1));
    }

    @Test
    void aSecondConversationForTheSamePairIsRefusedAndNothingOfItIsStored() {
        MessageGroup.Conversation first = started(andrew, bayko, at(0));
        MessageGroup.Conversation second = conversation(bayko, andrew, "me too", at(5));

        StepVerifier.create(messageGroups().start(second, Optional.empty()))
                .expectError(ConversationAlreadyExistsException.class)
                .verify();

        StepVerifier.create(messageGroups().find(second.group().id())).verifyComplete();
        StepVerifier.create(messages().newestFirst(second.group().id(), 10, Optional.empty()))
                .assertNext(page -> assertThat(page.items()).isEmpty())
                .verifyComplete();
        assertThat(wholeInbox(andrew.id(), 10)).extracting(InboxEntry::groupId).containsExactly(first.group().id());
        assertThat(wholeInbox(bayko.id(), 10)).extracting(InboxEntry::groupId).containsExactly(first.group().id());
    }

    @Test
    void simultaneousStartsForOnePairLeaveOneConversation() {
        List<MessageGroup.Conversation> attempts = IntStream.range(0, 8)
                .mapToObj(i -> conversation(i % 2 == 0 ? andrew : bayko, i % 2 == 0 ? bayko : andrew, "race " + i, at(i)))
                .toList();

        List<Boolean> outcomes = Flux.fromIterable(attempts)
                .parallel(attempts.size())
                .runOn(Schedulers.boundedElastic())
                .flatMap(attempt -> messageGroups().start(attempt, Optional.empty())
                        .thenReturn(true)
                        .onErrorResume(ConversationAlreadyExistsException.class, lost -> Mono.just(false)))
                .sequential()
                .collectList()
                .block();

        assertThat(outcomes).containsOnlyOnce(true);
        MessageGroupId winner = messageGroups().findByPair(ParticipantPair.of(andrew.id(), bayko.id())).block();
        assertThat(wholeInbox(andrew.id(), 10)).extracting(InboxEntry::groupId).containsExactly(winner);
        assertThat(wholeInbox(bayko.id(), 10)).extracting(InboxEntry::groupId).containsExactly(winner);
    }

    /** The request of a send to {@code recipient}'s handle, remembered for {@code window} from {@code at}. */
    private static IdempotentRequest toHandle(IdempotencyKey key, Participant recipient, String text, Timestamp at,
                                              Duration window) {
        return new IdempotentRequest(key, RequestFingerprint.ofHandleSend(recipient.handle(), new MessageText(text)),
                at.instant().plus(window));
    }

    private void assertNothingStoredFor(MessageGroup.Conversation refused, Participant recipient) {
        StepVerifier.create(messageGroups().find(refused.group().id())).verifyComplete();
        StepVerifier.create(messageGroups().findByPair(ParticipantPair.of(refused.group().first().id(),
                refused.group().second().id()))).verifyComplete();
        assertThat(wholeInbox(recipient.id(), 10)).isEmpty();
    }

    @Test
    void aStartWithAKeyUsedBeforeReturnsTheOriginalMessageAndStoresNothing() {
        IdempotencyKey key = new IdempotencyKey("start-" + UUID.randomUUID());
        MessageGroup.Conversation first = conversation(andrew, bayko, "first", at(0));
        StepVerifier.create(messageGroups().start(first, Optional.of(toHandle(key, bayko, "first", at(0), WINDOW))))
                .verifyComplete();

        // The same request again (the port does not look into the fingerprint; the use case makes it).
        MessageGroup.Conversation repeat = conversation(andrew, londo, "first", at(1));
        StepVerifier.create(messageGroups().start(repeat, Optional.of(toHandle(key, bayko, "first", at(1), WINDOW))))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(DuplicateRequestException.class,
                                duplicate -> assertThat(duplicate.original()).isEqualTo(first.firstMessage())))
                .verify();

        assertNothingStoredFor(repeat, londo);
    }

    @Test
    void aStartWithAKeyUsedForAnotherRequestIsRefusedAndStoresNothing() {
        IdempotencyKey key = new IdempotencyKey("start-" + UUID.randomUUID());
        MessageGroup.Conversation first = conversation(andrew, bayko, "first", at(0));
        messageGroups().start(first, Optional.of(toHandle(key, bayko, "first", at(0), WINDOW))).block();

        MessageGroup.Conversation other = conversation(andrew, londo, "first", at(1));
        StepVerifier.create(messageGroups().start(other, Optional.of(toHandle(key, londo, "first", at(1), WINDOW))))
                .expectError(IdempotencyKeyReusedException.class)
                .verify();

        assertNothingStoredFor(other, londo);
    }

    @Test
    void aKeyUsedForAMessageIntoAConversationCannotStartAnother() {
        MessageGroup.Conversation withBayko = started(andrew, bayko, at(0));
        IdempotencyKey key = new IdempotencyKey("reply-" + UUID.randomUUID());
        Message reply = message(withBayko.group().id(), andrew, "hello", at(1));
        messages().append(reply, Optional.of(ContractFixtures.request(key, reply))).block();

        MessageGroup.Conversation withLondo = conversation(andrew, londo, "hello", at(2));
        StepVerifier.create(messageGroups().start(withLondo,
                        Optional.of(toHandle(key, londo, "hello", at(2), WINDOW))))
                .expectError(IdempotencyKeyReusedException.class)
                .verify();

        assertNothingStoredFor(withLondo, londo);
    }

    @Test
    void aStartWithAnExpiredKeyIsANewRequest() {
        IdempotencyKey key = new IdempotencyKey("start-" + UUID.randomUUID());
        MessageGroup.Conversation first = conversation(andrew, bayko, "first", at(0));
        messageGroups().start(first, Optional.of(toHandle(key, bayko, "first", at(0), Duration.ofMinutes(1))))
                .block();

        // Windows are whole seconds, rounded up: at(61) is the first whole second past a minute after at(0).
        MessageGroup.Conversation later = conversation(andrew, londo, "later", at(61));
        StepVerifier.create(messageGroups().start(later, Optional.of(toHandle(key, londo, "later", at(61), WINDOW))))
                .verifyComplete();

        assertThat(messageGroups().find(later.group().id()).block()).isEqualTo(later.group());
        assertThat(wholeInbox(londo.id(), 10)).extracting(InboxEntry::groupId).containsExactly(later.group().id());
    }

    @Test
    void theInboxIsMostRecentFirstWhateverTheYear() {
        Participant owner = participant("Owner");
        Timestamp in2023 = Timestamp.of(Instant.parse("2023-04-05T13:15:19.922515Z"));
        Timestamp in2026 = Timestamp.of(Instant.parse("2026-01-01T00:00:00Z"));
        Timestamp in2025 = Timestamp.of(Instant.parse("2025-12-31T23:59:59.999999Z"));
        MessageGroupId old = started(owner, andrew, in2023).group().id();
        MessageGroupId newest = started(bayko, owner, in2026).group().id();
        MessageGroupId middle = started(owner, londo, in2025).group().id();

        assertThat(wholeInbox(owner.id(), 10)).extracting(InboxEntry::groupId).containsExactly(newest, middle, old);
    }

    @Test
    void theInboxPagesWithoutLosingOrRepeatingAConversation() {
        Participant owner = participant("Busy Owner");
        List<MessageGroupId> newestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            newestFirst.add(0, started(participant("Friend " + i), owner, at(i)).group().id());
        }

        Page<InboxEntry> first = messageGroups().inbox(owner.id(), 3, Optional.empty()).block();
        assertThat(first.items()).hasSize(3);
        assertThat(first.next()).isPresent();
        assertThat(wholeInbox(owner.id(), 3)).extracting(InboxEntry::groupId).containsExactlyElementsOf(newestFirst);
        assertThat(wholeInbox(owner.id(), 7)).extracting(InboxEntry::groupId).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void theLastPageHasNoNextPosition() {
        Participant owner = participant("Two Friends");
        started(owner, andrew, at(0));
        started(owner, bayko, at(1));

        StepVerifier.create(messageGroups().inbox(owner.id(), 2, Optional.empty()))
                .assertNext(page -> {
                    assertThat(page.items()).hasSize(2);
                    assertThat(page.next()).isEmpty();
                })
                .verifyComplete();
    }

    @Test
    void aMoveShowsTheNewMessageInTheGroupAndInBothInboxesOnce() {
        MessageGroup.Conversation conversation = started(andrew, bayko, at(0));
        Message reply = message(conversation.group().id(), bayko, "reply", at(10));

        StepVerifier.create(messageGroups().update(conversation.group(), movedTo(conversation.group(), reply)))
                .verifyComplete();

        MessageGroup moved = messageGroups().find(conversation.group().id()).block();
        assertThat(moved.lastMessage()).isEqualTo(LastMessage.of(reply));
        assertThat(wholeInbox(andrew.id(), 10))
                .containsExactly(new InboxEntry(andrew.id(), conversation.group().id(), bayko, LastMessage.of(reply), 1));
        assertThat(wholeInbox(bayko.id(), 10))
                .containsExactly(new InboxEntry(bayko.id(), conversation.group().id(), andrew, LastMessage.of(reply), 1));
    }

    @Test
    void aMoveFromAStaleLastMessageIsRefusedAndChangesNothing() {
        MessageGroup.Conversation conversation = started(andrew, bayko, at(0));
        Message second = message(conversation.group().id(), bayko, "second", at(10));
        Message third = message(conversation.group().id(), andrew, "third", at(20));
        messageGroups().update(conversation.group(), movedTo(conversation.group(), third)).block();

        StepVerifier.create(messageGroups().update(conversation.group(), movedTo(conversation.group(), second)))
                .expectError(ConcurrentUpdateException.class)
                .verify();

        assertThat(messageGroups().find(conversation.group().id()).block().lastMessage())
                .isEqualTo(LastMessage.of(third));
        assertThat(wholeInbox(andrew.id(), 10)).extracting(InboxEntry::lastMessage)
                .containsExactly(LastMessage.of(third));
        assertThat(wholeInbox(bayko.id(), 10)).extracting(InboxEntry::lastMessage)
                .containsExactly(LastMessage.of(third));
    }

    @Test
    void simultaneousMovesFromTheSameStateLetExactlyOneWinAndLeaveOneRowPerParticipant() {
        MessageGroup.Conversation conversation = started(andrew, bayko, at(0));
        List<Message> candidates = IntStream.range(1, 9)
                .mapToObj(i -> message(conversation.group().id(), i % 2 == 0 ? andrew : bayko, "move " + i, at(i)))
                .toList();

        List<Message> winners = Flux.fromIterable(candidates)
                .parallel(candidates.size())
                .runOn(Schedulers.boundedElastic())
                .flatMap(candidate -> messageGroups().update(conversation.group(), movedTo(conversation.group(), candidate))
                        .thenReturn(candidate)
                        .onErrorResume(ConcurrentUpdateException.class, lost -> Mono.empty()))
                .sequential()
                .collectList()
                .block();

        assertThat(winners).hasSize(1);
        LastMessage winner = LastMessage.of(winners.get(0));
        assertThat(messageGroups().find(conversation.group().id()).block().lastMessage()).isEqualTo(winner);
        assertThat(wholeInbox(andrew.id(), 10)).extracting(InboxEntry::lastMessage).containsExactly(winner);
        assertThat(wholeInbox(bayko.id(), 10)).extracting(InboxEntry::lastMessage).containsExactly(winner);
    }

    @Test
    void aMoveLeavesTheParticipantsOtherConversationsAlone() {
        MessageGroup.Conversation withBayko = started(andrew, bayko, at(0));
        MessageGroup.Conversation withLondo = started(londo, andrew, at(5));
        Message reply = message(withBayko.group().id(), bayko, "reply", at(10));

        messageGroups().update(withBayko.group(), movedTo(withBayko.group(), reply)).block();

        assertThat(wholeInbox(andrew.id(), 10)).containsExactly(
                new InboxEntry(andrew.id(), withBayko.group().id(), bayko, LastMessage.of(reply), 1),
                new InboxEntry(andrew.id(), withLondo.group().id(), londo, LastMessage.of(withLondo.firstMessage()), 1));
    }
    @Test
    void aReadIsStoredWithTheGroupAndTheReadersRowShowsWhatIsLeftUnread() {
        MessageGroup.Conversation conversation = started(andrew, bayko, at(0));
        Message second = message(conversation.group().id(), andrew, "second", at(10));
        MessageGroup moved = movedTo(conversation.group(), second);
        messageGroups().update(conversation.group(), moved).block();
        MessageGroup read = moved.readBy(bayko.id(), ReadPosition.of(conversation.firstMessage()), 1).orElseThrow();

        StepVerifier.create(messageGroups().update(moved, read)).verifyComplete();

        assertThat(messageGroups().find(conversation.group().id()).block()).isEqualTo(read);
        assertThat(wholeInbox(bayko.id(), 10)).extracting(InboxEntry::unreadCount, InboxEntry::lastMessage)
                .containsExactly(tuple(1, LastMessage.of(second)));
        assertThat(wholeInbox(andrew.id(), 10)).extracting(InboxEntry::unreadCount).containsExactly(0);
    }

    @Test
    void anUpdateFromAStaleReadPositionIsRefusedAndChangesNothing() {
        MessageGroup.Conversation conversation = started(andrew, bayko, at(0));
        MessageGroup read = conversation.group()
                .readBy(bayko.id(), ReadPosition.of(conversation.firstMessage()), 0).orElseThrow();
        messageGroups().update(conversation.group(), read).block();
        Message reply = message(conversation.group().id(), andrew, "reply", at(10));

        StepVerifier.create(messageGroups().update(conversation.group(), movedTo(conversation.group(), reply)))
                .expectError(ConcurrentUpdateException.class)
                .verify();

        assertThat(messageGroups().find(conversation.group().id()).block()).isEqualTo(read);
        assertThat(wholeInbox(bayko.id(), 10)).extracting(InboxEntry::unreadCount, InboxEntry::lastMessage)
                .containsExactly(tuple(0, LastMessage.of(conversation.firstMessage())));
    }

    @Test
    void readsOfBothParticipantsFromTheSameStateBothLand() {
        MessageGroup.Conversation conversation = started(andrew, bayko, at(0));
        Message reply = message(conversation.group().id(), bayko, "reply", at(10));
        MessageGroup moved = movedTo(conversation.group(), reply);
        messageGroups().update(conversation.group(), moved).block();
        ReadPosition upToReply = ReadPosition.of(reply);

        messageGroups().update(moved, moved.readBy(andrew.id(), upToReply, 0).orElseThrow()).block();
        MessageGroup afterAndrew = messageGroups().find(conversation.group().id()).block();
        messageGroups().update(afterAndrew, afterAndrew.readBy(bayko.id(), upToReply, 0).orElseThrow()).block();

        MessageGroup stored = messageGroups().find(conversation.group().id()).block();
        assertThat(stored.readStateOf(andrew.id()).seen()).contains(upToReply);
        assertThat(stored.readStateOf(bayko.id()).seen()).contains(upToReply);
        assertThat(wholeInbox(andrew.id(), 10)).extracting(InboxEntry::unreadCount).containsExactly(0);
        assertThat(wholeInbox(bayko.id(), 10)).extracting(InboxEntry::unreadCount).containsExactly(0);
    }

    @Test
    void theLastMessagesNewTextIsShownInBothRowsAndAnUpdateFromTheOldTextIsRefused() {
        MessageGroup.Conversation conversation = conversation(andrew, bayko, "helo", at(0));
        messageGroups().start(conversation, Optional.empty()).block();
        Message edited = conversation.firstMessage().editedBy(andrew.id(), new MessageText("hello"), at(1),
                new EditWindow(EditWindow.DEFAULT));
        MessageGroup shown = conversation.group().showing(edited).orElseThrow();

        StepVerifier.create(messageGroups().update(conversation.group(), shown)).verifyComplete();
        MessageGroup deleted = conversation.group().showing(edited.deletedBy(andrew.id()).orElseThrow()).orElseThrow();
        StepVerifier.create(messageGroups().update(conversation.group(), deleted))
                .expectError(ConcurrentUpdateException.class)
                .verify();

        LastMessage hello = new LastMessage(at(0), "hello");
        assertThat(messageGroups().find(conversation.group().id()).block().lastMessage()).isEqualTo(hello);
        assertThat(wholeInbox(andrew.id(), 10)).extracting(InboxEntry::lastMessage).containsExactly(hello);
        assertThat(wholeInbox(bayko.id(), 10)).extracting(InboxEntry::lastMessage).containsExactly(hello);

        StepVerifier.create(messageGroups().update(shown, shown.showing(edited.deletedBy(andrew.id()).orElseThrow())
                .orElseThrow())).verifyComplete();
        assertThat(wholeInbox(bayko.id(), 10)).extracting(InboxEntry::lastMessage)
                .containsExactly(new LastMessage(at(0), ""));
    }
}
