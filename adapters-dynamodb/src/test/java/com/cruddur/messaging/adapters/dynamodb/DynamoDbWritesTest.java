package com.cruddur.messaging.adapters.dynamodb;

import static com.cruddur.messaging.adapters.dynamodb.TestData.at;
import static com.cruddur.messaging.adapters.dynamodb.TestData.conversation;
import static com.cruddur.messaging.adapters.dynamodb.TestData.message;
import static com.cruddur.messaging.adapters.dynamodb.TestData.partition;
import static com.cruddur.messaging.adapters.dynamodb.TestData.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.application.port.ConcurrentUpdateException;
import com.cruddur.messaging.application.port.ConversationAlreadyExistsException;
import com.cruddur.messaging.application.port.DuplicateRequestException;
import com.cruddur.messaging.domain.IdempotentRequest;
import com.cruddur.messaging.domain.LastMessage;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroup;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.ParticipantPair;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the adapters write, item by item, and how their conditions decide races. */
class DynamoDbWritesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TABLE = DynamoDbLocalFixture.freshTable("writes");
    private static final ConsumedCapacityRecorder RECORDER = new ConsumedCapacityRecorder(new SimpleMeterRegistry());

    private final DynamoDbMessageGroups groups =
            new DynamoDbMessageGroups(DynamoDbLocalFixture.client(), TABLE, RECORDER, 100);
    private final DynamoDbMessages messages =
            new DynamoDbMessages(DynamoDbLocalFixture.client(), TABLE, RECORDER, 100);

    @Test
    void startWritesTheReferenceRowsPlusConversationPairAndKeyRecords() {
        Participant andrew = person("Andrew Brown");
        Participant bayko = person("Andrew Bayko");
        MessageGroup.Conversation started = conversation(andrew, bayko, "hello", at(0));
        String group = started.group().id().toString();

        groups.start(started, Optional.of(TestData.request("first-send"))).block(WAIT);

        Map<String, AttributeValue> andrewsRow = single(partition(TABLE, "GRP#" + andrew.id()));
        assertThat(strings(andrewsRow)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "pk", "GRP#" + andrew.id(), "sk", "2026-11-22T10:15:30.123456+00:00",
                "message_group_uuid", group, "message", "hello",
                "user_uuid", bayko.id().toString(), "user_display_name", "Andrew Bayko",
                "user_handle", bayko.handle().value()));
        Map<String, AttributeValue> baykosRow = single(partition(TABLE, "GRP#" + bayko.id()));
        assertThat(strings(baykosRow)).containsEntry("user_uuid", andrew.id().toString())
                .containsEntry("user_handle", andrew.handle().value())
                .containsEntry("sk", "2026-11-22T10:15:30.123456+00:00");
        Map<String, AttributeValue> firstMessage = single(partition(TABLE, "MSG#" + group));
        assertThat(strings(firstMessage)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "pk", "MSG#" + group, "sk", "2026-11-22T10:15:30.123456+00:00",
                "message_uuid", started.firstMessage().id().toString(), "message", "hello",
                "user_uuid", andrew.id().toString(), "user_display_name", "Andrew Brown",
                "user_handle", andrew.handle().value()));

        Map<String, AttributeValue> conversationRecord = single(partition(TABLE, "CONV#" + group));
        assertThat(strings(conversationRecord)).containsEntry("sk", "CONV")
                .containsEntry("last_message_at", "2026-11-22T10:15:30.123456+00:00")
                .containsEntry("last_message", "hello")
                .doesNotContainKey("message_group_uuid");
        String pairKey = ParticipantPair.of(andrew.id(), bayko.id()).key();
        assertThat(strings(single(partition(TABLE, "PAIR#" + pairKey))))
                .containsEntry("group_uuid", group).doesNotContainKey("message_group_uuid");
        Map<String, AttributeValue> keyRecord = single(partition(TABLE, "IDEM#" + andrew.id() + "#first-send"));
        assertThat(strings(keyRecord))
                .containsEntry("message_uuid", started.firstMessage().id().toString())
                .containsEntry("request_fingerprint", TestData.request("first-send").fingerprint().value())
                .doesNotContainKey("message_group_uuid");
        // The only attribute that is not a string: the time to live, epoch seconds as a Number.
        assertThat(keyRecord.get("expires_at").n())
                .isEqualTo(Long.toString(TestData.request("first-send").expiresAt().getEpochSecond()));
        assertThat(keyRecord).allSatisfy((name, value) -> {
            if (!name.equals("expires_at")) {
                assertThat(value.s()).as(name).isNotNull();
            }
        });
    }

    @Test
    void aSecondStartForThePairWritesNothing() {
        Participant a = person("Londo");
        Participant b = person("Vir");
        groups.start(conversation(a, b, "first", at(0)), Optional.empty()).block(WAIT);
        MessageGroup.Conversation second = conversation(b, a, "second", at(5));

        assertThatThrownBy(() -> groups.start(second, Optional.empty()).block(WAIT))
                .isInstanceOf(ConversationAlreadyExistsException.class);

        assertThat(partition(TABLE, "CONV#" + second.group().id())).isEmpty();
        assertThat(partition(TABLE, "MSG#" + second.group().id())).isEmpty();
        assertThat(partition(TABLE, "GRP#" + a.id())).hasSize(1);
        assertThat(partition(TABLE, "GRP#" + b.id())).hasSize(1);
    }

    @Test
    void aRepeatedStartWithTheSameKeyReturnsTheOriginal() {
        Participant a = person("Delenn");
        Participant b = person("Lennier");
        MessageGroup.Conversation first = conversation(a, b, "hello", at(0));
        groups.start(first, Optional.of(TestData.request("k-1"))).block(WAIT);
        MessageGroup.Conversation repeat = conversation(a, b, "hello", at(3));

        assertThatThrownBy(() -> groups.start(repeat, Optional.of(TestData.request("k-1"))).block(WAIT))
                .isInstanceOfSatisfying(DuplicateRequestException.class,
                        duplicate -> assertThat(duplicate.original()).isEqualTo(first.firstMessage()));
        assertThat(partition(TABLE, "MSG#" + first.group().id())).hasSize(1);
    }

    @Test
    void aTakenInstantMovesTheMessageOneMicrosecondOn() {
        Participant a = person("Sheridan");
        Participant b = person("Ivanova");
        MessageGroup.Conversation started = conversation(a, b, "hello", at(0));
        groups.start(started, Optional.empty()).block(WAIT);

        Message sameInstant = messages.append(message(started.group().id(), b, "hi", at(0)), Optional.empty())
                .block(WAIT);
        Message again = messages.append(message(started.group().id(), a, "again", at(0)), Optional.empty())
                .block(WAIT);

        assertThat(sameInstant.createdAt().format()).isEqualTo("2026-11-22T10:15:30.123457+00:00");
        assertThat(again.createdAt().format()).isEqualTo("2026-11-22T10:15:30.123458+00:00");
        assertThat(TestData.sks(partition(TABLE, "MSG#" + started.group().id()))).containsExactly(
                "2026-11-22T10:15:30.123456+00:00", "2026-11-22T10:15:30.123457+00:00",
                "2026-11-22T10:15:30.123458+00:00");
    }

    @Test
    void aKeyUsedTwiceStoresOneMessageAndReturnsTheFirst() {
        Participant a = person("Garibaldi");
        Participant b = person("Franklin");
        MessageGroup.Conversation started = conversation(a, b, "hello", at(0));
        groups.start(started, Optional.empty()).block(WAIT);
        IdempotentRequest key = TestData.request("send-42");

        Message first = messages.append(message(started.group().id(), a, "once", at(10)), Optional.of(key)).block(WAIT);
        Message repeated = messages.append(message(started.group().id(), a, "once", at(11)), Optional.of(key))
                .block(WAIT);

        assertThat(repeated).isEqualTo(first);
        assertThat(partition(TABLE, "MSG#" + started.group().id())).hasSize(2);
    }

    @Test
    void aKeyedMessageOnATakenInstantMovesOnToo() {
        Participant a = person("Zack");
        Participant b = person("Lyta");
        MessageGroup.Conversation started = conversation(a, b, "hello", at(0));
        groups.start(started, Optional.empty()).block(WAIT);

        Message stored = messages.append(message(started.group().id(), b, "same", at(0)),
                Optional.of(TestData.request("k-same"))).block(WAIT);

        assertThat(stored.createdAt().format()).isEqualTo("2026-11-22T10:15:30.123457+00:00");
        assertThat(strings(single(partition(TABLE, "IDEM#" + b.id() + "#k-same"))))
                .containsEntry("created_at", "2026-11-22T10:15:30.123457+00:00");
    }

    @Test
    void aMoveReplacesBothRowsAndAStaleMoveChangesNothing() {
        Participant a = person("Marcus");
        Participant b = person("Stephen");
        MessageGroup.Conversation started = conversation(a, b, "hello", at(0));
        groups.start(started, Optional.empty()).block(WAIT);
        MessageGroup group = started.group();

        groups.update(group, TestData.withLast(group, new LastMessage(at(60), "later"))).block(WAIT);

        assertThat(TestData.sks(partition(TABLE, "GRP#" + a.id()))).containsExactly(at(60).format());
        assertThat(TestData.sks(partition(TABLE, "GRP#" + b.id()))).containsExactly(at(60).format());
        assertThat(strings(single(partition(TABLE, "GRP#" + b.id())))).containsEntry("message", "later")
                .containsEntry("user_uuid", a.id().toString());
        assertThat(groups.find(group.id()).block(WAIT).lastMessage()).isEqualTo(new LastMessage(at(60), "later"));

        assertThatThrownBy(() -> groups.update(group, TestData.withLast(group, new LastMessage(at(30), "stale"))).block(WAIT))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(TestData.sks(partition(TABLE, "GRP#" + a.id()))).containsExactly(at(60).format());
        assertThat(TestData.sks(partition(TABLE, "GRP#" + b.id()))).containsExactly(at(60).format());
    }

    private static Map<String, AttributeValue> single(List<Map<String, AttributeValue>> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    /** The string attributes of an item (the time to live of idempotency records is a Number). */
    private static Map<String, String> strings(Map<String, AttributeValue> item) {
        return item.entrySet().stream().filter(e -> e.getValue().s() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s()));
    }
}
