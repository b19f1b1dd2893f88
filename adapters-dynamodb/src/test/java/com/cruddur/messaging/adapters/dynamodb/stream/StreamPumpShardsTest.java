package com.cruddur.messaging.adapters.dynamodb.stream;

import static com.cruddur.messaging.adapters.dynamodb.stream.StreamRecords.insert;
import static com.cruddur.messaging.adapters.dynamodb.stream.StreamRecords.messageItem;
import static com.cruddur.messaging.adapters.dynamodb.stream.StreamRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

/** How the pump walks shards and recovers, against a stream whose every answer the test writes. */
class StreamPumpShardsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Participant SENDER =
            new Participant(new UserId(UUID.randomUUID()), "Susan Ivanova", new Handle("ivanova"));
    private static final MessageGroupId GROUP = new MessageGroupId(UUID.randomUUID());

    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final List<List<Message>> batches = new CopyOnWriteArrayList<>();
    private StreamPump pump;

    @AfterEach
    void closePump() {
        if (pump != null) {
            pump.close();
        }
    }

    private StreamPump pump(ScriptedStream stream, Function<List<Message>, Mono<?>> onMessages) {
        pump = new StreamPump(stream, stream.table(), ScriptedStream.TABLE, onMessages, POLL);
        pump.start();
        return pump;
    }

    private Function<List<Message>, Mono<?>> collecting() {
        return batch -> Mono.fromRunnable(() -> {
            batches.add(batch);
            received.addAll(batch);
        });
    }

    private static Message message(String text, int second) {
        return new Message(new MessageId(UUID.randomUUID()), GROUP, SENDER, text,
                Timestamp.of(Instant.parse("2026-11-22T10:15:30.123456Z").plusSeconds(second)));
    }

    private static void append(ScriptedStream stream, String shard, Message message) {
        stream.append(shard, sequenceNumber -> insert(sequenceNumber, messageItem(message)));
    }

    @Test
    void readsParentsBeforeChildrenFollowsClosedShardsAndPagesTheDescription() {
        ScriptedStream stream = new ScriptedStream(2);
        List<Message> sent = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            sent.add(message("m" + i, i));
        }
        // The child sorts (and is described) before its parent: order must come from the parent links.
        stream.openShard("shard-b-parent", null);
        stream.openShard("shard-a-child", "shard-b-parent");
        append(stream, "shard-b-parent", sent.get(0));
        append(stream, "shard-b-parent", sent.get(1));
        append(stream, "shard-b-parent", sent.get(2));
        stream.closeShard("shard-b-parent");
        append(stream, "shard-a-child", sent.get(3));

        pump(stream, collecting());
        Eventually.within(WAIT, "the first four messages", () -> received.size() >= 4);
        // The open child rolls over: it closes after one more record and a new shard opens under it.
        append(stream, "shard-a-child", sent.get(4));
        stream.closeShard("shard-a-child");
        stream.openShard("shard-c-grandchild", "shard-a-child");
        append(stream, "shard-c-grandchild", sent.get(5));
        append(stream, "shard-c-grandchild", sent.get(6));
        Eventually.within(WAIT, "all seven messages", () -> received.size() >= 7);

        assertThat(received).containsExactlyElementsOf(sent);
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(2));
        assertThat(pump.stats().shardsFinished()).isEqualTo(2);
        assertThat(stream.iteratorRequests()).extracting(GetShardIteratorRequest::shardIteratorType)
                .containsOnly(ShardIteratorType.TRIM_HORIZON);
        assertThat(stream.iteratorRequests()).extracting(GetShardIteratorRequest::shardId)
                .containsExactly("shard-b-parent", "shard-a-child", "shard-c-grandchild");
    }

    @Test
    void anExpiredOrRefusedIteratorResumesAfterTheLastRecordPassedOn() {
        ScriptedStream stream = new ScriptedStream(10);
        stream.openShard("shard-1", null);
        Message first = message("first", 1);
        Message second = message("second", 2);
        Message third = message("third", 3);
        Message fourth = message("fourth", 4);
        append(stream, "shard-1", first);
        append(stream, "shard-1", second);
        pump(stream, collecting());
        Eventually.within(WAIT, "the first two messages", () -> received.size() >= 2);

        stream.failNextGetRecords(ExpiredIteratorException.builder().message("Iterator expired").build());
        append(stream, "shard-1", third);
        Eventually.within(WAIT, "the third message", () -> received.size() >= 3);
        stream.failNextGetRecords(DynamoDbException.builder().message("Invalid ShardIterator").statusCode(400)
                .build());
        append(stream, "shard-1", fourth);
        Eventually.within(WAIT, "the fourth message", () -> received.size() >= 4);

        assertThat(received).containsExactly(first, second, third, fourth);
        assertThat(stream.iteratorRequests()).extracting(GetShardIteratorRequest::shardIteratorType,
                        GetShardIteratorRequest::sequenceNumber)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ShardIteratorType.TRIM_HORIZON, null),
                        org.assertj.core.groups.Tuple.tuple(ShardIteratorType.AFTER_SEQUENCE_NUMBER,
                                StreamRecords.sequenceNumber(2)),
                        org.assertj.core.groups.Tuple.tuple(ShardIteratorType.AFTER_SEQUENCE_NUMBER,
                                StreamRecords.sequenceNumber(3)));
    }

    @Test
    void trimmedRecordsRestartTheShardAtTheOldestKept() {
        ScriptedStream stream = new ScriptedStream(10);
        stream.openShard("shard-1", null);
        append(stream, "shard-1", message("first", 1));
        pump(stream, collecting());
        Eventually.within(WAIT, "the first message", () -> received.size() >= 1);

        stream.failNextGetRecords(TrimmedDataAccessException.builder().message("trimmed").build());
        append(stream, "shard-1", message("second", 2));
        Eventually.within(WAIT, "the shard read again from its start", () -> received.size() >= 3);

        assertThat(received).extracting(Message::text).containsExactly("first", "first", "second");
        assertThat(stream.iteratorRequests()).extracting(GetShardIteratorRequest::shardIteratorType)
                .containsExactly(ShardIteratorType.TRIM_HORIZON, ShardIteratorType.TRIM_HORIZON);
    }

    @Test
    void passesOnOnlyMessageInsertsAndSkipsWhatCannotBeRead() {
        ScriptedStream stream = new ScriptedStream(10);
        stream.openShard("shard-1", null);
        Message first = message("first", 1);
        Message second = message("second", 2);
        Map<String, AttributeValue> unreadable = messageItem(message("no id", 3));
        unreadable.remove("message_uuid");
        Map<String, AttributeValue> groupRow = messageItem(first);
        groupRow.put("pk", AttributeValue.fromS("GRP#" + SENDER.id()));
        append(stream, "shard-1", first);
        stream.append("shard-1", sequenceNumber -> insert(sequenceNumber, unreadable));
        stream.append("shard-1", sequenceNumber -> record(OperationType.MODIFY, sequenceNumber, messageItem(first)));
        stream.append("shard-1", sequenceNumber -> record(OperationType.REMOVE, sequenceNumber, messageItem(first)));
        stream.append("shard-1", sequenceNumber -> insert(sequenceNumber, groupRow));
        append(stream, "shard-1", second);

        pump(stream, collecting());
        Eventually.within(WAIT, "both messages", () -> received.size() >= 2);
        Eventually.within(WAIT, "a poll after them", () -> pump.stats().polls() >= 3);

        assertThat(batches).containsExactly(List.of(first, second));
        assertThat(pump.stats().recordsSkipped()).isEqualTo(1);
        assertThat(pump.stats().messagesPassedOn()).isEqualTo(2);
    }

    @Test
    void aFailedBatchIsOfferedAgainAndABatchThatKeepsFailingIsGivenUp() {
        ScriptedStream stream = new ScriptedStream(1);
        stream.openShard("shard-1", null);
        Message flaky = message("flaky", 1);
        Message poison = message("poison", 2);
        Message after = message("after", 3);
        append(stream, "shard-1", flaky);
        append(stream, "shard-1", poison);
        append(stream, "shard-1", after);
        AtomicInteger flakyAttempts = new AtomicInteger();
        AtomicInteger poisonAttempts = new AtomicInteger();

        pump(stream, batch -> {
            if (batch.contains(flaky) && flakyAttempts.incrementAndGet() < 3) {
                return Mono.error(new IllegalStateException("store unavailable"));
            }
            if (batch.contains(poison)) {
                poisonAttempts.incrementAndGet();
                throw new IllegalStateException("cannot move");
            }
            received.addAll(batch);
            return Mono.just(batch);
        });
        Eventually.within(WAIT, "the message after the poison", () -> received.contains(after));

        assertThat(received).containsExactly(flaky, after);
        assertThat(flakyAttempts).hasValue(3);
        assertThat(poisonAttempts).hasValue(StreamPump.BATCH_ATTEMPTS);
        assertThat(pump.stats().batchesDropped()).isEqualTo(1);
    }

    @Test
    void anUnreachableEndpointIsWaitedOutAndReadingResumesWhereItWas() {
        ScriptedStream stream = new ScriptedStream(10);
        stream.openShard("shard-1", null);
        Message before = message("before", 1);
        Message after = message("after", 2);
        append(stream, "shard-1", before);
        pump(stream, collecting());
        Eventually.within(WAIT, "the first message", () -> received.size() >= 1);

        SdkClientException refused = SdkClientException.create("Unable to execute HTTP request: Connection refused");
        stream.failNextGetRecords(refused, refused, refused);
        append(stream, "shard-1", after);
        Eventually.within(WAIT, "the message after the outage", () -> received.size() >= 2);

        assertThat(received).containsExactly(before, after);
        assertThat(stream.iteratorRequests()).hasSize(1);
    }

    @Test
    void aTableThatDoesNotExistIsWaitedForWithoutFailingStart() {
        ScriptedStream stream = new ScriptedStream(10);
        pump = new StreamPump(stream, stream.table(), "no-such-table", collecting(), POLL);
        pump.start();

        Eventually.within(WAIT, "three failed polls", () -> pump.stats().pollsFailed() >= 3);

        assertThat(pump.isRunning()).isTrue();
        assertThat(pump.stats().polls()).isZero();
        assertThat(stream.iteratorRequests()).isEmpty();
    }
}
