package com.cruddur.messaging.adapters.dynamodb.stream;

import static com.cruddur.messaging.adapters.dynamodb.stream.StreamRecords.insert;
import static com.cruddur.messaging.adapters.dynamodb.stream.StreamRecords.messageItem;
import static com.cruddur.messaging.adapters.dynamodb.stream.StreamRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.DynamoDbMessages;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamRecordDecoder.Ignored;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamRecordDecoder.Malformed;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamRecordDecoder.NewMessage;
import com.cruddur.messaging.adapters.dynamodb.testing.DynamoDbLocalFixture;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

class StreamRecordDecoderTest {

    private static final Message MESSAGE = new Message(new MessageId(UUID.randomUUID()),
            new MessageGroupId(UUID.randomUUID()),
            new Participant(new UserId(UUID.randomUUID()), "Delenn Mir", new Handle("delenn")),
            "Hello, Londo", Timestamp.of(Instant.parse("2026-11-22T10:15:30.123456Z")));
    private static final String SEQUENCE = "4421584500000000017450439096";

    @Test
    void aMessageInsertIsTheMessageItStores() {
        assertThat(StreamRecordDecoder.decode(insert(SEQUENCE, messageItem(MESSAGE))))
                .isEqualTo(new NewMessage(SEQUENCE, MESSAGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-04-05T13:15:19.922515", "2023-03-20T22:52:11+00:00", "2023-03-20T22:52:11"})
    void theReferencesOtherTimestampFormsAreRead(String createdAt) {
        Map<String, AttributeValue> item = messageItem(MESSAGE);
        item.put("sk", AttributeValue.fromS(createdAt));

        assertThat(StreamRecordDecoder.decode(insert(SEQUENCE, item))).isInstanceOfSatisfying(NewMessage.class,
                inserted -> assertThat(inserted.message().createdAt()).isEqualTo(Timestamp.parse(createdAt)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"message", "user_display_name"})
    void aMissingTextOrDisplayNameIsReadAsEmpty(String attribute) {
        Map<String, AttributeValue> item = messageItem(MESSAGE);
        item.remove(attribute);

        assertThat(StreamRecordDecoder.decode(insert(SEQUENCE, item))).isInstanceOfSatisfying(NewMessage.class,
                inserted -> assertThat(List.of(inserted.message().text(), inserted.message().sender().displayName()))
                        .contains(""));
    }

    @Test
    void aReferenceItemWithoutTextIsReadFromTheStreamAsPatternAListsIt() {
        String table = DynamoDbLocalFixture.freshTable("decode-reference");
        Map<String, AttributeValue> item = messageItem(MESSAGE);
        item.remove("message");
        DynamoDbLocalFixture.client().putItem(request -> request.tableName(table).item(item)).join();

        Message listed = new DynamoDbMessages(DynamoDbLocalFixture.client(), table, new SimpleMeterRegistry())
                .newestFirst(MESSAGE.groupId(), 20, Optional.empty()).block(Duration.ofSeconds(30)).items().get(0);
        Record streamed = LocalStreams.records(table).get(0);

        assertThat(StreamRecordDecoder.decode(streamed))
                .isEqualTo(new NewMessage(streamed.dynamodb().sequenceNumber(), listed));
        assertThat(listed.text()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk", "message_uuid", "user_uuid", "user_handle"})
    void aMessageItemWithoutARequiredAttributeIsMalformed(String attribute) {
        Map<String, AttributeValue> item = messageItem(MESSAGE);
        item.remove(attribute);

        assertThat(StreamRecordDecoder.decode(insert(SEQUENCE, item)))
                .isEqualTo(new Malformed(SEQUENCE, "item (pk=MSG#" + MESSAGE.groupId() + ", sk="
                        + (attribute.equals("sk") ? "?" : MESSAGE.createdAt().format())
                        + ") has no string attribute '" + attribute + "'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"message_uuid", "user_uuid", "sk", "pk", "user_handle"})
    void aMessageItemWithAnUnreadableValueIsMalformed(String attribute) {
        Map<String, AttributeValue> item = messageItem(MESSAGE);
        item.put(attribute, AttributeValue.fromS(attribute.equals("pk") ? "MSG#not-a-uuid"
                : attribute.equals("user_handle") ? "two words" : "not-a-uuid"));

        assertThat(StreamRecordDecoder.decode(insert(SEQUENCE, item))).isInstanceOfSatisfying(Malformed.class,
                malformed -> assertThat(malformed.sequenceNumber()).isEqualTo(SEQUENCE));
    }

    @Test
    void anAttributeOfAnotherTypeCountsAsMissing() {
        Map<String, AttributeValue> numberId = messageItem(MESSAGE);
        numberId.put("message_uuid", AttributeValue.fromN("42"));
        Map<String, AttributeValue> numberText = messageItem(MESSAGE);
        numberText.put("message", AttributeValue.fromN("42"));

        assertThat(StreamRecordDecoder.decode(insert(SEQUENCE, numberId))).isInstanceOf(Malformed.class);
        assertThat(StreamRecordDecoder.decode(insert(SEQUENCE, numberText))).isInstanceOfSatisfying(NewMessage.class,
                inserted -> assertThat(inserted.message().text()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = OperationType.class, names = {"MODIFY", "REMOVE"})
    void onlyInsertsCount(OperationType event) {
        assertThat(StreamRecordDecoder.decode(record(event, SEQUENCE, messageItem(MESSAGE))))
                .isInstanceOf(Ignored.class);
    }

    @Test
    void anEditOrDeleteIsAModifyOfTheMessageItemAndIsNoNewMessage() {
        Map<String, AttributeValue> edited = messageItem(MESSAGE);
        edited.put("message", AttributeValue.fromS("edited"));
        edited.put("edited_at", AttributeValue.fromS("2026-11-22T10:20:00.000000+00:00"));
        Map<String, AttributeValue> tombstone = messageItem(MESSAGE);
        tombstone.put("message", AttributeValue.fromS(""));
        tombstone.put("deleted", AttributeValue.fromBool(true));

        assertThat(StreamRecordDecoder.decode(record(OperationType.MODIFY, SEQUENCE, edited))).isInstanceOf(Ignored.class);
        assertThat(StreamRecordDecoder.decode(record(OperationType.MODIFY, SEQUENCE, tombstone)))
                .isInstanceOf(Ignored.class);
        assertThat(StreamRecordDecoder.decode(insert(SEQUENCE, edited))).isInstanceOfSatisfying(NewMessage.class,
                inserted -> assertThat(inserted.message().editedAt()).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GRP#0e4b8f5d-3b1c-4f5a-9d0e-7a1b2c3d4e5f", "CONV#5ae290ed-55d1-47a0-bc6d-fe2bc2700399",
            "PAIR#a#b", "IDEM#a#b", "msg#5ae290ed-55d1-47a0-bc6d-fe2bc2700399"})
    void otherItemTypesAreIgnored(String pk) {
        Map<String, AttributeValue> item = messageItem(MESSAGE);
        item.put("pk", AttributeValue.fromS(pk));

        assertThat(StreamRecordDecoder.decode(insert(SEQUENCE, item))).isInstanceOf(Ignored.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void aMessageInsertWithoutASequenceNumberCannotBeReportedAndIsIgnored(String sequenceNumber) {
        assertThat(StreamRecordDecoder.decode(insert(sequenceNumber, messageItem(MESSAGE))))
                .isInstanceOf(Ignored.class);
        assertThat(StreamRecordDecoder.decode(Record.builder().eventName(OperationType.INSERT)
                .dynamodb(StreamRecord.builder().newImage(messageItem(MESSAGE)).build()).build()))
                .isInstanceOf(Ignored.class);
    }

    @Test
    void anInsertWithoutAStreamRecordOrNoRecordAtAllIsIgnored() {
        assertThat(StreamRecordDecoder.decode(Record.builder().eventName(OperationType.INSERT).build()))
                .isInstanceOf(Ignored.class);
        assertThat(StreamRecordDecoder.decode(null)).isInstanceOf(Ignored.class);
    }

    @Test
    void aMessageInsertWithoutImageIsMalformedNotIgnored() {
        Map<String, AttributeValue> keys = new HashMap<>();
        keys.put("pk", AttributeValue.fromS("MSG#" + MESSAGE.groupId()));
        keys.put("sk", AttributeValue.fromS(MESSAGE.createdAt().format()));
        Record keysOnly = Record.builder().eventName(OperationType.INSERT)
                .dynamodb(StreamRecord.builder().keys(keys).sequenceNumber("9").build()).build();

        assertThat(StreamRecordDecoder.decode(keysOnly)).isInstanceOfSatisfying(Malformed.class,
                malformed -> assertThat(malformed.sequenceNumber()).isEqualTo("9"));
    }
}
