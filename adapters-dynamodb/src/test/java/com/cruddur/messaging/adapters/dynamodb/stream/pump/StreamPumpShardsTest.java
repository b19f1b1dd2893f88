package com.cruddur.messaging.adapters.dynamodb.stream.pump;

import static com.cruddur.messaging.adapters.dynamodb.stream.StreamRecords.insert;
import static com.cruddur.messaging.adapters.dynamodb.stream.StreamRecords.messageItem;
import static com.cruddur.messaging.adapters.dynamodb.stream.StreamRecords.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import com.cruddur.messaging.adapters.dynamodb.stream.StreamBatchProcessor;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamRecords;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.fake.FailingMoves;
import com.cruddur.messaging.application.fake.InMemoryMessageStore;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.MessageText;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

/**
 * How the pump walks shards, hands each read to pattern E and recovers, against a stream whose every answer the test
 * writes, over the in-memory store: what reached the store, in order, is what the pump did.
 */
class StreamPumpShardsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 3;
    private static final PumpSettings SETTINGS = PumpSettings.DEFAULTS.withPollInterval(Duration.ofMillis(20))
            .withBatchAttempts(ATTEMPTS);
    private static final Participant SENDER =
            new Participant(new UserId(UUID.randomUUID()), "Susan Ivanova", new Handle("ivanova"));
    private static final Instant START = Instant.parse("2026-11-22T10:15:30.123456Z");

    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final FailingMoves groups = new FailingMoves(store.messageGroups());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MessageGroupId group = conversation();
    private StreamPump pump;

    @AfterEach
    void closePump() {
        if (pump != null) {
            pump.close();
        }
    }

    private void startPump(ScriptedStream stream, String table) {
        pump = new StreamPump(stream, stream.table(), table,
                new StreamBatchProcessor(new MoveGroupsToNewestMessage(groups, store.messages())), registry, SETTINGS);
        pump.start();
    }

    /** A conversation of the sender's with someone new, started long before the messages the tests send. */
    private MessageGroupId conversation() {
        MessageGroupId id = new MessageGroupId(UUID.randomUUID());
        Participant recipient = new Participant(new UserId(UUID.randomUUID()), "John Sheridan", new Handle("sheridan"));
        store.messageGroups().start(MessageGroup.start(id, new MessageId(UUID.randomUUID()), SENDER, recipient,
                new MessageText("hello"), Timestamp.of(START)), Optional.empty()).block(WAIT);
        return id;
    }

    private static Message message(MessageGroupId group, String text, int second) {
        return new Message(new MessageId(UUID.randomUUID()), group, SENDER, text,
                Timestamp.of(START.plusSeconds(second)));
    }

    private static void append(ScriptedStream stream, String shard, Message message) {
        stream.append(shard, sequenceNumber -> insert(sequenceNumber, messageItem(message)));
    }

    private void awaitMovesTo(Message... messages) {
        List<FailingMoves.Move> expected = new ArrayList<>();
        for (Message message : messages) {
            expected.add(new FailingMoves.Move(message.groupId(), LastMessage.of(message)));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(groups.movesPassedOn()).containsAll(expected));
    }

    private List<LastMessage> movesPassedOn() {
        return groups.movesPassedOn().stream().map(FailingMoves.Move::to).toList();
    }

    private double count(String counter) {
        return registry.get(counter).counter().count();
    }

    @Test
    void readsParentsBeforeChildrenFollowsClosedShardsAndPagesTheDescription() {
        ScriptedStream stream = new ScriptedStream(2);
        List<Message> sent = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            sent.add(message(group, "m" + i, i));
        }
        // The child sorts (and is described) before its parent: order must come from the parent links.
        stream.openShard("shard-b-parent", null);
        stream.openShard("shard-a-child", "shard-b-parent");
        append(stream, "shard-b-parent", sent.get(0));
        append(stream, "shard-b-parent", sent.get(1));
        append(stream, "shard-b-parent", sent.get(2));
        stream.closeShard("shard-b-parent");
        append(stream, "shard-a-child", sent.get(3));

        startPump(stream, ScriptedStream.TABLE);
        awaitMovesTo(sent.get(3));
        // The open child rolls over: it closes after one more record and a new shard opens under it.
        append(stream, "shard-a-child", sent.get(4));
        stream.closeShard("shard-a-child");
        stream.openShard("shard-c-grandchild", "shard-a-child");
        append(stream, "shard-c-grandchild", sent.get(5));
        append(stream, "shard-c-grandchild", sent.get(6));
        awaitMovesTo(sent.get(6));

        // Two records a read, one move a read to its newest message: read out of order, a move would be skipped.
        assertThat(movesPassedOn()).containsExactly(LastMessage.of(sent.get(1)), LastMessage.of(sent.get(2)),
                LastMessage.of(sent.get(3)), LastMessage.of(sent.get(4)), LastMessage.of(sent.get(6)));
        assertThat(count(PumpMetrics.SHARDS_FINISHED)).isEqualTo(2);
        assertThat(count(PumpMetrics.MESSAGES)).isEqualTo(7);
        assertThat(stream.iteratorRequests()).extracting(GetShardIteratorRequest::shardIteratorType)
                .containsOnly(ShardIteratorType.TRIM_HORIZON);
        assertThat(stream.iteratorRequests()).extracting(GetShardIteratorRequest::shardId)
                .containsExactly("shard-b-parent", "shard-a-child", "shard-c-grandchild");
    }

    @Test
    void anExpiredOrRefusedIteratorResumesAfterTheLastRecordDoneWith() {
        ScriptedStream stream = new ScriptedStream(10);
        stream.openShard("shard-1", null);
        Message second = message(group, "second", 2);
        Message third = message(group, "third", 3);
        Message fourth = message(group, "fourth", 4);
        append(stream, "shard-1", message(group, "first", 1));
        append(stream, "shard-1", second);
        startPump(stream, ScriptedStream.TABLE);
        awaitMovesTo(second);

        stream.failNextGetRecords(ExpiredIteratorException.builder().message("Iterator expired").build());
        append(stream, "shard-1", third);
        awaitMovesTo(third);
        stream.failNextGetRecords(DynamoDbException.builder().message("Invalid ShardIterator").statusCode(400)
                .build());
        append(stream, "shard-1", fourth);
        awaitMovesTo(fourth);

        assertThat(movesPassedOn()).containsExactly(LastMessage.of(second), LastMessage.of(third),
                LastMessage.of(fourth));
        assertThat(stream.iteratorRequests()).extracting(GetShardIteratorRequest::shardIteratorType,
                        GetShardIteratorRequest::sequenceNumber)
                .containsExactly(
                        tuple(ShardIteratorType.TRIM_HORIZON, null),
                        tuple(ShardIteratorType.AFTER_SEQUENCE_NUMBER, StreamRecords.sequenceNumber(2)),
                        tuple(ShardIteratorType.AFTER_SEQUENCE_NUMBER, StreamRecords.sequenceNumber(3)));
    }

    @Test
    void trimmedRecordsRestartTheShardAtTheOldestKept() {
        ScriptedStream stream = new ScriptedStream(10);
        stream.openShard("shard-1", null);
        Message first = message(group, "first", 1);
        Message second = message(group, "second", 2);
        append(stream, "shard-1", first);
        startPump(stream, ScriptedStream.TABLE);
        awaitMovesTo(first);

        stream.failNextGetRecords(TrimmedDataAccessException.builder().message("trimmed").build());
        append(stream, "shard-1", second);
        awaitMovesTo(second);

        assertThat(count(PumpMetrics.MESSAGES)).as("the first message read twice").isEqualTo(3);
        assertThat(movesPassedOn()).containsExactly(LastMessage.of(first), LastMessage.of(second));
        assertThat(stream.iteratorRequests()).extracting(GetShardIteratorRequest::shardIteratorType)
                .containsExactly(ShardIteratorType.TRIM_HORIZON, ShardIteratorType.TRIM_HORIZON);
    }

    @Test
    void onlyMessageInsertsMoveAndAnUnreadableOneIsGivenUpAfterTheLastAttempt() {
        ScriptedStream stream = new ScriptedStream(10);
        stream.openShard("shard-1", null);
        Message first = message(group, "first", 1);
        Message second = message(group, "second", 2);
        Map<String, AttributeValue> unreadable = messageItem(message(group, "no id", 3));
        unreadable.remove("message_uuid");
        Map<String, AttributeValue> groupRow = messageItem(first);
        groupRow.put("pk", AttributeValue.fromS("GRP#" + SENDER.id()));
        append(stream, "shard-1", first);
        stream.append("shard-1", sequenceNumber -> insert(sequenceNumber, unreadable));
        stream.append("shard-1", sequenceNumber -> record(OperationType.MODIFY, sequenceNumber, messageItem(first)));
        stream.append("shard-1", sequenceNumber -> record(OperationType.REMOVE, sequenceNumber, messageItem(first)));
        stream.append("shard-1", sequenceNumber -> insert(sequenceNumber, groupRow));
        append(stream, "shard-1", second);

        startPump(stream, ScriptedStream.TABLE);
        await().atMost(WAIT).until(() -> count(PumpMetrics.RECORDS_GIVEN_UP) > 0);

        assertThat(movesPassedOn()).containsExactly(LastMessage.of(second));
        assertThat(count(PumpMetrics.RECORDS_GIVEN_UP)).isEqualTo(1);
        assertThat(count(PumpMetrics.REDELIVERIES)).isEqualTo(ATTEMPTS - 1);
        assertThat(stream.iteratorRequests()).extracting(GetShardIteratorRequest::shardIteratorType,
                        GetShardIteratorRequest::sequenceNumber)
                .containsExactly(tuple(ShardIteratorType.TRIM_HORIZON, null),
                        tuple(ShardIteratorType.AT_SEQUENCE_NUMBER, StreamRecords.sequenceNumber(2)),
                        tuple(ShardIteratorType.AT_SEQUENCE_NUMBER, StreamRecords.sequenceNumber(2)));
    }

    @Test
    void aFailedMoveIsReadAgainAndOneThatKeepsFailingIsGivenUpWhileTheRecordsAfterItMove() {
        ScriptedStream stream = new ScriptedStream(1);
        stream.openShard("shard-1", null);
        Message flaky = message(group, "flaky", 1);
        Message poison = message(conversation(), "poison", 2);
        Message after = message(conversation(), "after", 3);
        append(stream, "shard-1", flaky);
        append(stream, "shard-1", poison);
        append(stream, "shard-1", after);
        groups.failMovesOf(flaky.groupId(), 2).failMovesOf(poison.groupId());

        startPump(stream, ScriptedStream.TABLE);
        awaitMovesTo(after);

        assertThat(movesPassedOn()).containsExactly(LastMessage.of(flaky), LastMessage.of(after));
        assertThat(groups.attemptsOf(flaky.groupId())).isEqualTo(3);
        assertThat(groups.attemptsOf(poison.groupId())).isEqualTo(ATTEMPTS);
        assertThat(count(PumpMetrics.RECORDS_GIVEN_UP)).isEqualTo(1);
        assertThat(store.messageGroups().find(poison.groupId()).block(WAIT).lastMessage().text()).isEqualTo("hello");
    }

    @Test
    void anUnreachableEndpointIsWaitedOutAndReadingResumesWhereItWas() {
        ScriptedStream stream = new ScriptedStream(10);
        stream.openShard("shard-1", null);
        Message before = message(group, "before", 1);
        Message after = message(group, "after", 2);
        append(stream, "shard-1", before);
        startPump(stream, ScriptedStream.TABLE);
        awaitMovesTo(before);

        SdkClientException refused = SdkClientException.create("Unable to execute HTTP request: Connection refused");
        stream.failNextGetRecords(refused, refused, refused);
        append(stream, "shard-1", after);
        awaitMovesTo(after);

        assertThat(movesPassedOn()).containsExactly(LastMessage.of(before), LastMessage.of(after));
        assertThat(registry.get(PumpMetrics.POLLS).tag("result", "failed").counter().count()).isEqualTo(3);
        assertThat(stream.iteratorRequests()).hasSize(1);
    }

    @Test
    void aTableThatDoesNotExistIsWaitedForWithoutFailingStart() {
        ScriptedStream stream = new ScriptedStream(10);
        startPump(stream, "no-such-table");

        await().atMost(WAIT).until(() -> registry.get(PumpMetrics.POLLS).tag("result", "failed").counter().count() >= 3);

        assertThat(pump.isRunning()).isTrue();
        assertThat(registry.get(PumpMetrics.POLLS).tag("result", "succeeded").counter().count()).isZero();
        assertThat(stream.iteratorRequests()).isEmpty();
    }
}
