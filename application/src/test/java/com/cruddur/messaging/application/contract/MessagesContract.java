package com.cruddur.messaging.application.contract;

import static com.cruddur.messaging.application.contract.ContractFixtures.at;
import static com.cruddur.messaging.application.contract.ContractFixtures.conversation;
import static com.cruddur.messaging.application.contract.ContractFixtures.message;
import static com.cruddur.messaging.application.contract.ContractFixtures.participant;
import static com.cruddur.messaging.application.contract.ContractFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.application.port.ConcurrentUpdateException;
import com.cruddur.messaging.application.port.IdempotencyKeyReusedException;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.application.port.Page;
import com.cruddur.messaging.domain.EditWindow;
import com.cruddur.messaging.domain.IdempotencyKey;
import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageText;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.RequestFingerprint;
import com.cruddur.messaging.domain.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** What every {@link Messages} implementation must do. */
public abstract class MessagesContract {

    protected abstract Messages messages();

    /** The groups of the same store, to start conversations that messages go into. */
    protected abstract MessageGroups messageGroups();

    private static final EditWindow EDITS = new EditWindow(EditWindow.DEFAULT);

    private final Participant andrew = participant("Andrew Brown");
    private final Participant bayko = participant("Andrew Bayko");

    private MessageGroup.Conversation started() {
        MessageGroup.Conversation conversation = conversation(andrew, bayko, "first", at(0));
        messageGroups().start(conversation, Optional.empty()).block();
        return conversation;
    }

    private List<Message> everything(MessageGroupId group, int pageSize) {
        List<Message> all = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            Page<Message> page = messages().newestFirst(group, pageSize, after).block();
            assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
            all.addAll(page.items());
            after = page.next();
        } while (after.isPresent());
        return all;
    }

    @Test
    void appendedMessagesAreListedNewestFirstWithEveryField() {
        MessageGroup.Conversation conversation = started();
        MessageGroupId group = conversation.group().id();
        Message one = message(group, bayko, "one", at(1));
        Message two = message(group, andrew, "two: ünïcødé ✓ 🚀", at(2));

        StepVerifier.create(messages().append(one, Optional.empty())).expectNext(one).verifyComplete();
        StepVerifier.create(messages().append(two, Optional.empty())).expectNext(two).verifyComplete();

        assertThat(everything(group, 10)).containsExactly(two, one, conversation.firstMessage());
    }

    @Test
    void aMessageOfTheMaximumLengthIsStoredWhole() {
        MessageGroupId group = started().group().id();
        Message longest = message(group, andrew, "x".repeat(1023) + "😀", at(1));

        messages().append(longest, Optional.empty()).block();

        assertThat(everything(group, 10).get(0).text()).isEqualTo(longest.text());
    }

    @Test
    void aMessageAtAnOccupiedInstantMovesOnAMicrosecondAndBothAreKept() {
        MessageGroupId group = started().group().id();
        Message first = message(group, andrew, "same instant, first", at(1));
        Message second = message(group, bayko, "same instant, second", at(1));

        messages().append(first, Optional.empty()).block();
        Message stored = messages().append(second, Optional.empty()).block();

        assertThat(stored.createdAt()).isEqualTo(at(1).nextMicrosecond());
        assertThat(stored.id()).isEqualTo(second.id());
        assertThat(everything(group, 10)).extracting(Message::text)
                .containsExactly("same instant, second", "same instant, first", "first");
    }

    @Test
    void manySimultaneousMessagesAtOneInstantAreAllStored() {
        MessageGroupId group = started().group().id();
        List<Message> burst = IntStream.range(0, 40)
                .mapToObj(i -> message(group, i % 2 == 0 ? andrew : bayko, "burst " + i, at(1)))
                .toList();

        List<Message> stored = Flux.fromIterable(burst)
                .parallel(8)
                .runOn(Schedulers.boundedElastic())
                .flatMap(m -> messages().append(m, Optional.empty()))
                .sequential()
                .collectList()
                .block();

        assertThat(stored).extracting(Message::createdAt).doesNotHaveDuplicates();
        assertThat(everything(group, 50)).hasSize(41)
                .extracting(Message::id).containsAll(burst.stream().map(Message::id).toList());
    }

    @Test
    void aKeyUsedBeforeReturnsTheOriginalMessageAndStoresNothing() {
        MessageGroup.Conversation conversation = started();
        MessageGroupId group = conversation.group().id();
        IdempotencyKey key = new IdempotencyKey("send-" + UUID.randomUUID());
        Message original = message(group, andrew, "only once", at(1));
        Message retry = message(group, andrew, "only once", at(2));

        assertThat(messages().append(original, Optional.of(request(key, original))).block()).isEqualTo(original);
        assertThat(messages().append(retry, Optional.of(request(key, retry))).block()).isEqualTo(original);

        assertThat(everything(group, 10)).extracting(Message::id)
                .containsExactly(original.id(), conversation.firstMessage().id());
    }

    @Test
    void aKeyUsedBeforeForAnotherRequestIsRefusedAndStoresNothing() {
        MessageGroup.Conversation conversation = started();
        MessageGroupId group = conversation.group().id();
        IdempotencyKey key = new IdempotencyKey("send-" + UUID.randomUUID());
        Message original = message(group, andrew, "only once", at(1));
        messages().append(original, Optional.of(request(key, original))).block();
        Message otherText = message(group, andrew, "something else", at(2));
        Message toAHandle = message(group, andrew, "only once", at(3));

        StepVerifier.create(messages().append(otherText, Optional.of(request(key, otherText))))
                .expectError(IdempotencyKeyReusedException.class)
                .verify();
        StepVerifier.create(messages().append(toAHandle, Optional.of(new IdempotentRequest(key,
                        RequestFingerprint.ofHandleSend(bayko.handle(), new MessageText("only once")),
                        toAHandle.createdAt().instant().plus(ContractFixtures.WINDOW)))))
                .expectError(IdempotencyKeyReusedException.class)
                .verify();

        assertThat(everything(group, 10)).extracting(Message::id)
                .containsExactly(original.id(), conversation.firstMessage().id());
    }

    @Test
    void anExpiredKeyIsUnusedEvenWhileTheStoreStillHoldsIt() {
        MessageGroup.Conversation conversation = started();
        MessageGroupId group = conversation.group().id();
        IdempotencyKey key = new IdempotencyKey("send-" + UUID.randomUUID());
        Message first = message(group, andrew, "a minute's key", at(1));
        messages().append(first, Optional.of(request(key, first, Duration.ofMinutes(1)))).block();
        Message withinTheMinute = message(group, andrew, "a minute's key", at(60));
        // Windows are whole seconds, rounded up: at(62) is the first whole second past a minute after at(1).
        Message afterIt = message(group, andrew, "a new request", at(62));

        assertThat(messages().append(withinTheMinute, Optional.of(request(key, withinTheMinute))).block())
                .isEqualTo(first);
        assertThat(messages().append(afterIt, Optional.of(request(key, afterIt))).block()).isEqualTo(afterIt);
        Message repeated = message(group, andrew, "a new request", at(63));
        assertThat(messages().append(repeated, Optional.of(request(key, repeated))).block()).isEqualTo(afterIt);

        assertThat(everything(group, 10)).extracting(Message::id)
                .containsExactly(afterIt.id(), first.id(), conversation.firstMessage().id());
    }

    @Test
    void theSameKeyFromAnotherSenderIsAnotherRequest() {
        MessageGroupId group = started().group().id();
        IdempotencyKey key = new IdempotencyKey("shared-" + UUID.randomUUID());
        Message fromAndrew = message(group, andrew, "mine", at(1));
        Message fromBayko = message(group, bayko, "mine too", at(2));

        messages().append(fromAndrew, Optional.of(request(key, fromAndrew))).block();
        assertThat(messages().append(fromBayko, Optional.of(request(key, fromBayko))).block()).isEqualTo(fromBayko);

        assertThat(everything(group, 10)).extracting(Message::id).startsWith(fromBayko.id(), fromAndrew.id());
    }

    @Test
    void pagesGoToOlderMessagesWithoutLosingOrRepeatingAny() {
        MessageGroup.Conversation conversation = started();
        MessageGroupId group = conversation.group().id();
        List<Message> sent = new ArrayList<>();
        sent.add(conversation.firstMessage());
        for (int i = 1; i <= 25; i++) {
            sent.add(messages().append(message(group, i % 2 == 0 ? andrew : bayko, "n" + i, at(i)), Optional.empty())
                    .block());
        }
        List<Message> expected = sent.stream().sorted(Comparator.comparing(Message::createdAt).reversed()).toList();

        Page<Message> firstPage = messages().newestFirst(group, 10, Optional.empty()).block();
        assertThat(firstPage.items()).containsExactlyElementsOf(expected.subList(0, 10));
        assertThat(everything(group, 10)).containsExactlyElementsOf(expected);
        assertThat(everything(group, 26)).containsExactlyElementsOf(expected);
        assertThat(everything(group, 1)).containsExactlyElementsOf(expected);
    }

    @Test
    void theLastPageHasNoNextPosition() {
        MessageGroupId group = started().group().id();
        messages().append(message(group, bayko, "second", at(1)), Optional.empty()).block();

        StepVerifier.create(messages().newestFirst(group, 2, Optional.empty()))
                .assertNext(page -> {
                    assertThat(page.items()).hasSize(2);
                    assertThat(page.next()).isEmpty();
                })
                .verifyComplete();
    }

    @Test
    void eachGroupListsOnlyItsOwnMessages() {
        MessageGroupId mine = started().group().id();
        MessageGroup.Conversation other = conversation(participant("Other One"), participant("Other Two"), "elsewhere",
                at(0));
        messageGroups().start(other, Optional.empty()).block();

        assertThat(everything(mine, 10)).extracting(Message::groupId).containsOnly(mine);
        assertThat(everything(other.group().id(), 10)).containsExactly(other.firstMessage());
    }

    @Test
    void anUnknownGroupHasNoMessages() {
        StepVerifier.create(messages().newestFirst(new MessageGroupId(UUID.randomUUID()), 10, Optional.empty()))
                .assertNext(page -> {
                    assertThat(page.items()).isEmpty();
                    assertThat(page.next()).isEmpty();
                })
                .verifyComplete();
    }

    @Test
    void timestampsKeepTheirMicroseconds() {
        MessageGroupId group = started().group().id();
        Timestamp precise = Timestamp.of(ContractFixtures.BASE.plusNanos(123_456_000));
        Message m = message(group, andrew, "precise", precise);

        messages().append(m, Optional.empty()).block();

        assertThat(everything(group, 10).get(0).createdAt()).isEqualTo(precise);
    }
    @Test
    void aMessageIsFoundByItsIdAndInstantOnly() {
        MessageGroup.Conversation conversation = started();
        MessageGroupId group = conversation.group().id();
        Message reply = messages().append(message(group, bayko, "reply", at(5)), Optional.empty()).block();

        StepVerifier.create(messages().find(group, reply.id(), reply.createdAt())).expectNext(reply).verifyComplete();
        StepVerifier.create(messages().find(group, reply.id(), at(6))).verifyComplete();
        StepVerifier.create(messages().find(group, conversation.firstMessage().id(), reply.createdAt())).verifyComplete();
        StepVerifier.create(messages().find(new MessageGroupId(UUID.randomUUID()), reply.id(), reply.createdAt()))
                .verifyComplete();
    }

    @Test
    void betweenListsTheMessagesAfterOneInstantUpToAnotherOldestFirstAcrossPages() {
        MessageGroup.Conversation conversation = started();
        MessageGroupId group = conversation.group().id();
        List<Message> sent = IntStream.rangeClosed(1, 9)
                .mapToObj(i -> messages().append(message(group, i % 2 == 0 ? andrew : bayko, "m" + i, at(i)),
                        Optional.empty()).block())
                .toList();

        StepVerifier.create(messages().between(group, at(2), at(8)).collectList())
                .expectNext(sent.subList(2, 8))
                .verifyComplete();
        StepVerifier.create(messages().between(group, at(0), at(0)).collectList()).expectNext(List.of()).verifyComplete();
        StepVerifier.create(messages().between(group, at(9), at(20)).collectList()).expectNext(List.of()).verifyComplete();
    }

    @Test
    void betweenStopsReadingWhenTheSubscriberHasEnough() {
        MessageGroup.Conversation conversation = started();
        MessageGroupId group = conversation.group().id();
        List<Message> sent = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> messages().append(message(group, bayko, "m" + i, at(i)), Optional.empty()).block())
                .toList();

        StepVerifier.create(messages().between(group, at(0), at(7)).take(4).collectList())
                .expectNext(sent.subList(0, 4))
                .verifyComplete();
    }

    @Test
    void aMessageIsFoundByItsIdNewestFirstBackToSinceOrThroughTheWholeConversation() {
        MessageGroup.Conversation conversation = started();
        MessageGroupId group = conversation.group().id();
        List<Message> sent = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> messages().append(message(group, bayko, "m" + i, at(i)), Optional.empty()).block())
                .toList();
        Message third = sent.get(2);

        StepVerifier.create(messages().findById(group, third.id(), Optional.empty())).expectNext(third).verifyComplete();
        StepVerifier.create(messages().findById(group, third.id(), Optional.of(at(3)))).expectNext(third)
                .verifyComplete();
        StepVerifier.create(messages().findById(group, third.id(), Optional.of(at(4)))).verifyComplete();
        StepVerifier.create(messages().findById(group, conversation.firstMessage().id(), Optional.empty()))
                .expectNext(conversation.firstMessage()).verifyComplete();
        StepVerifier.create(messages().findById(group, new com.cruddur.messaging.domain.MessageId(UUID.randomUUID()),
                Optional.empty())).verifyComplete();
        StepVerifier.create(messages().findById(new MessageGroupId(UUID.randomUUID()), third.id(), Optional.empty()))
                .verifyComplete();
    }

    @Test
    void anEditedMessageIsReadBackEverywhereWithItsTextAndWhenItWasEdited() {
        MessageGroup.Conversation conversation = started();
        MessageGroupId group = conversation.group().id();
        Message sent = messages().append(message(group, bayko, "helo", at(1)), Optional.empty()).block();
        Message edited = sent.editedBy(bayko.id(), new MessageText("hello ✓"), at(2), EDITS);

        StepVerifier.create(messages().rewrite(sent, edited)).verifyComplete();

        assertThat(everything(group, 10)).containsExactly(edited, conversation.firstMessage());
        assertThat(edited.editedAt()).contains(at(2));
        StepVerifier.create(messages().find(group, sent.id(), sent.createdAt())).expectNext(edited).verifyComplete();
        StepVerifier.create(messages().findById(group, sent.id(), Optional.empty())).expectNext(edited)
                .verifyComplete();
        StepVerifier.create(messages().between(group, at(0), at(1)).collectList()).expectNext(List.of(edited))
                .verifyComplete();
    }

    @Test
    void aDeletedMessageStaysInItsPlaceAsATombstoneWithoutText() {
        MessageGroup.Conversation conversation = started();
        MessageGroupId group = conversation.group().id();
        Message sent = messages().append(message(group, bayko, "oops", at(1)), Optional.empty()).block();
        Message later = messages().append(message(group, andrew, "later", at(2)), Optional.empty()).block();
        Message tombstone = sent.deletedBy(bayko.id()).orElseThrow();

        StepVerifier.create(messages().rewrite(sent, tombstone)).verifyComplete();

        List<Message> all = everything(group, 10);
        assertThat(all).containsExactly(later, tombstone, conversation.firstMessage());
        assertThat(all.get(1).deleted()).isTrue();
        assertThat(all.get(1).text()).isEmpty();
    }

    @Test
    void aRewriteOfAMessageThatChangedMeanwhileOrIsNotStoredIsRefusedAndChangesNothing() {
        MessageGroup.Conversation conversation = started();
        MessageGroupId group = conversation.group().id();
        Message sent = messages().append(message(group, bayko, "one", at(1)), Optional.empty()).block();
        Message first = sent.editedBy(bayko.id(), new MessageText("two"), at(2), EDITS);
        Message second = sent.editedBy(bayko.id(), new MessageText("three"), at(3), EDITS);
        Message tombstone = first.deletedBy(bayko.id()).orElseThrow();
        Message never = message(group, bayko, "never stored", at(5));
        messages().rewrite(sent, first).block();

        StepVerifier.create(messages().rewrite(sent, second)).expectError(ConcurrentUpdateException.class).verify();
        StepVerifier.create(messages().rewrite(never, never.deletedBy(bayko.id()).orElseThrow()))
                .expectError(ConcurrentUpdateException.class).verify();
        messages().rewrite(first, tombstone).block();
        StepVerifier.create(messages().rewrite(first, second)).expectError(ConcurrentUpdateException.class).verify();

        assertThat(everything(group, 10)).containsExactly(tombstone, conversation.firstMessage());
    }
}
