package com.cruddur.messaging.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.cruddur.messaging.adapters.lambda.MessageRecordDecoder.Decoded;
import com.cruddur.messaging.adapters.lambda.MessageRecordDecoder.Ignored;
import com.cruddur.messaging.adapters.lambda.MessageRecordDecoder.Malformed;
import com.cruddur.messaging.adapters.lambda.MessageRecordDecoder.NewMessage;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageRecordDecoderTest {

    private static final String GROUP = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399";
    private static final String SEQUENCE = "4421584500000000017450439096";

    @Test
    void aMessageInsertBecomesTheMessageItHolds() {
        Decoded decoded = MessageRecordDecoder.decode(record("INSERT", messageItem()));

        assertThat(decoded).isEqualTo(new NewMessage(SEQUENCE, new Message(
                MessageId.of("c8a5d3e1-2f4b-4a6c-9e8d-7b1a0f2e3d4c"),
                MessageGroupId.of(GROUP),
                new Participant(UserId.of("0e4b8f5d-3b1c-4f5a-9d0e-7a1b2c3d4e5f"), "Andrew Brown", new Handle("andrewbrown")),
                "are you coming to the meetup?",
                Timestamp.parse("2026-11-22T10:15:30.123456+00:00"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-04-05T13:15:19.922515", "2023-03-20T22:52:11+00:00", "2023-03-20T22:52:11"})
    void theReferencesOtherTimestampFormsAreRead(String createdAt) {
        Map<String, AttributeValue> item = messageItem();
        item.put("sk", s(createdAt));

        Decoded decoded = MessageRecordDecoder.decode(record("INSERT", item));

        assertThat(decoded).isInstanceOfSatisfying(NewMessage.class,
                inserted -> assertThat(inserted.message().createdAt()).isEqualTo(Timestamp.parse(createdAt)));
    }

    @Test
    void aMissingDisplayNameIsReadAsEmpty() {
        Map<String, AttributeValue> item = messageItem();
        item.remove("user_display_name");

        assertThat(MessageRecordDecoder.decode(record("INSERT", item))).isInstanceOfSatisfying(NewMessage.class,
                inserted -> assertThat(inserted.message().sender().displayName()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk", "message_uuid", "message", "user_uuid", "user_handle"})
    void aMessageItemWithoutARequiredAttributeIsMalformed(String attribute) {
        Map<String, AttributeValue> item = messageItem();
        item.remove(attribute);

        Decoded decoded = MessageRecordDecoder.decode(record("INSERT", item));

        assertThat(decoded).isInstanceOfSatisfying(Malformed.class, malformed -> {
            assertThat(malformed.sequenceNumber()).isEqualTo(SEQUENCE);
            assertThat(malformed.reason()).contains("'" + attribute + "'");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"message_uuid", "user_uuid", "sk", "pk", "user_handle"})
    void aMessageItemWithAnUnreadableValueIsMalformed(String attribute) {
        Map<String, AttributeValue> item = messageItem();
        item.put(attribute, s(attribute.equals("pk") ? "MSG#not-a-uuid" : attribute.equals("user_handle") ? "two words" : "not-a-uuid"));

        assertThat(MessageRecordDecoder.decode(record("INSERT", item))).isInstanceOf(Malformed.class);
    }

    @Test
    void anAttributeOfAnotherTypeCountsAsMissing() {
        Map<String, AttributeValue> item = messageItem();
        item.put("message", new AttributeValue().withN("42"));

        assertThat(MessageRecordDecoder.decode(record("INSERT", item))).isInstanceOf(Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"REMOVE", "MODIFY"})
    void onlyInsertsCount(String eventName) {
        assertThat(MessageRecordDecoder.decode(record(eventName, messageItem()))).isInstanceOf(Ignored.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GRP#0e4b8f5d-3b1c-4f5a-9d0e-7a1b2c3d4e5f", "CONV#" + GROUP, "PAIR#a#b", "IDEM#a#b", "msg#" + GROUP})
    void otherItemTypesAreIgnored(String pk) {
        Map<String, AttributeValue> item = messageItem();
        item.put("pk", s(pk));

        assertThat(MessageRecordDecoder.decode(record("INSERT", item))).isInstanceOf(Ignored.class);
    }

    @Test
    void aMessageInsertWithoutASequenceNumberCannotBeReportedAndIsIgnored() {
        DynamodbStreamRecord record = record("INSERT", messageItem());
        record.getDynamodb().setSequenceNumber(" ");

        assertThat(MessageRecordDecoder.decode(record)).isInstanceOf(Ignored.class);
    }

    @Test
    void anInsertWithoutAStreamRecordIsIgnored() {
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName("INSERT");

        assertThat(MessageRecordDecoder.decode(record)).isInstanceOf(Ignored.class);
    }

    private static Map<String, AttributeValue> messageItem() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("MSG#" + GROUP));
        item.put("sk", s("2026-11-22T10:15:30.123456+00:00"));
        item.put("message_uuid", s("c8a5d3e1-2f4b-4a6c-9e8d-7b1a0f2e3d4c"));
        item.put("message", s("are you coming to the meetup?"));
        item.put("user_uuid", s("0e4b8f5d-3b1c-4f5a-9d0e-7a1b2c3d4e5f"));
        item.put("user_display_name", s("Andrew Brown"));
        item.put("user_handle", s("andrewbrown"));
        return item;
    }

    private static DynamodbStreamRecord record(String eventName, Map<String, AttributeValue> image) {
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName(eventName);
        StreamRecord change = new StreamRecord();
        change.setKeys(Map.of("pk", image.getOrDefault("pk", s("?")), "sk", image.getOrDefault("sk", s("?"))));
        change.setNewImage(image);
        change.setSequenceNumber(SEQUENCE);
        record.setDynamodb(change);
        return record;
    }

    private static AttributeValue s(String value) {
        return new AttributeValue().withS(value);
    }
}
