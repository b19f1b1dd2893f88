package com.cruddur.messaging.adapters.dynamodb;

import static com.cruddur.messaging.adapters.dynamodb.TestData.at;
import static com.cruddur.messaging.adapters.dynamodb.TestData.conversation;
import static com.cruddur.messaging.adapters.dynamodb.TestData.message;
import static com.cruddur.messaging.adapters.dynamodb.TestData.partition;
import static com.cruddur.messaging.adapters.dynamodb.TestData.person;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.MarkConversationRead;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage.GroupMove;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage.Outcome;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ReadPosition;
import com.cruddur.messaging.domain.ReadState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Read markers and unread counts on DynamoDB Local: pattern E keeps the counts, a read resets its reader's. */
class UnreadCountsTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String TABLE = DynamoDbLocalFixture.freshTable("unread");
    private static final ConsumedCapacityRecorder RECORDER = new ConsumedCapacityRecorder(new SimpleMeterRegistry());

    private final DynamoDbMessageGroups groups =
            new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), TABLE, RECORDER, 100);
    private final DynamoDbMessages messages =
            new DynamoDbMessages(DynamoDbLocalFixture.client(), TABLE, RECORDER, 100);
    private final MoveGroupsToNewestMessage move = new MoveGroupsToNewestMessage(groups, messages);
    private final MarkConversationRead markRead = new MarkConversationRead(groups, messages);

    private final Participant andrew = person("Andrew Brown");
    private final Participant bayko = person("Andrew Bayko");

    /** The unread count on the owner's group row as stored, and the row must be the only one. */
    private int storedUnread(Participant owner) {
        List<Map<String, AttributeValue>> rows = partition(TABLE, "GRP#" + owner.id());
        assertThat(rows).hasSize(1);
        return Integer.parseInt(rows.get(0).get("unread_count").n());
    }

    private Message send(MessageGroupId group, Participant sender, String text, long second) {
        return messages.append(message(group, sender, text, at(second)), Optional.empty()).block(WAIT);
    }

    /** Bayko starts with andrew and sends two more; nothing moved yet but the start. */
    private List<Message> threeFromBayko() {
        MessageGroup.Conversation started = conversation(bayko, andrew, "one", at(0));
        groups.start(started, Optional.empty()).block(WAIT);
        MessageGroupId group = started.group().id();
        return List.of(started.firstMessage(), send(group, bayko, "two", 1), send(group, bayko, "three", 2));
    }

    private int readUpTo(Participant reader, Message message) {
        return markRead.mark(new MarkConversationRead.Command(reader, message.groupId(), ReadPosition.of(message)))
                .block(WAIT).unreadCount();
    }

    @Test
    void threeFromBaykoAreThreeForAndrewAndReadingUpToTheSecondLeavesOne() {
        List<Message> sent = threeFromBayko();

        move.apply(sent).block(WAIT);

        assertThat(storedUnread(andrew)).isEqualTo(3);
        assertThat(storedUnread(bayko)).isZero();
        assertThat(groups.inbox(andrew.id(), 20, Optional.empty()).block(WAIT).items().get(0).unreadCount())
                .isEqualTo(3);

        assertThat(readUpTo(andrew, sent.get(1))).isEqualTo(1);
        assertThat(storedUnread(andrew)).isEqualTo(1);
        assertThat(storedUnread(bayko)).isZero();
    }

    @Test
    void theCountSurvivesReplaysAndOutOfOrderBatches() {
        List<Message> sent = threeFromBayko();

        move.apply(List.of(sent.get(2))).block(WAIT);
        move.apply(List.of(sent.get(0), sent.get(1))).block(WAIT);
        move.apply(sent).block(WAIT);
        move.apply(List.of(sent.get(1))).block(WAIT);

        assertThat(storedUnread(andrew)).isEqualTo(3);
        readUpTo(andrew, sent.get(0));
        move.apply(sent).block(WAIT);
        assertThat(storedUnread(andrew)).isEqualTo(2);
    }

    @Test
    void concurrentSendsAndReadsNeverLoseAnIncrementNorGoNegative() {
        MessageGroup.Conversation started = conversation(andrew, bayko, "hello", at(0));
        groups.start(started, Optional.empty()).block(WAIT);
        MessageGroupId group = started.group().id();
        List<Message> stored = new CopyOnWriteArrayList<>(List.of(started.firstMessage()));

        // The messages are stored in the order of their instants, as one conversation's are (one stored with an
        // instant older than the last one already moved is the documented exception, not this test's subject).
        // Each send is moved on its own (a batch per record); the moves race each other and andrew's reads.
        Flux<GroupMove> sends = Flux.range(1, 60)
                .concatMap(i -> messages.append(message(group, i % 5 == 0 ? andrew : bayko, "m" + i, at(i)),
                                Optional.empty())
                        .doOnNext(stored::add))
                .flatMap(m -> move.apply(List.of(m)).flatMapIterable(results -> results), 16);
        Flux<Integer> reads = Flux.range(1, 60)
                .flatMap(i -> Mono.defer(() -> {
                    Message seen = stored.get(ThreadLocalRandom.current().nextInt(stored.size()));
                    return markRead.mark(new MarkConversationRead.Command(andrew, group, ReadPosition.of(seen)))
                            .map(row -> row.unreadCount())
                            .onErrorResume(lostEveryRace -> Mono.empty());
                }), 16);
        List<GroupMove> moves = Flux.merge(sends.map(m -> (Object) m), reads.map(r -> (Object) r))
                .ofType(GroupMove.class).collectList().block(WAIT);
        // Moves that lost every race are delivered again, as the stream does.
        Flux.fromIterable(moves).filter(m -> m.outcome() == Outcome.FAILED)
                .concatMap(m -> move.apply(List.of(m.newest()))).blockLast(WAIT);
        move.apply(List.copyOf(stored)).block(WAIT);

        MessageGroup settled = groups.find(group).block(WAIT);
        Message newest = stored.stream().reduce((a, b) -> b.isNewerThan(a) ? b : a).orElseThrow();
        assertThat(settled.lastMessage().at()).isEqualTo(newest.createdAt());
        ReadState andrews = settled.readStateOf(andrew.id());
        long expected = stored.stream()
                .filter(m -> m.sender().id().equals(bayko.id()) && andrews.isUnseen(m.createdAt()))
                .count();
        assertThat(andrews.unread()).isEqualTo((int) expected).isNotNegative();
        assertThat(storedUnread(andrew)).isEqualTo((int) expected);
        // Bayko read nothing: every message of andrew's is unread for him, his own never.
        long andrewsMessages = stored.stream().filter(m -> m.sender().id().equals(andrew.id())).count();
        assertThat(storedUnread(bayko)).isEqualTo((int) andrewsMessages);
    }
}
