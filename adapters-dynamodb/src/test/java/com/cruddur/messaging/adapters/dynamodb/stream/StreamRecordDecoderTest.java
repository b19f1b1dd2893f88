package com.cruddur.messaging.adapters.dynamodb.stream;

import static com.cruddur.messaging.adapters.dynamodb.stream.StreamRecords.insert;
import static com.cruddur.messaging.adapters.dynamodb.stream.StreamRecords.messageItem;
import static com.cruddur.messaging.adapters.dynamodb.stream.StreamRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.adapters.dynamodb.stream.StreamRecordDecoder.Ignored;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamRecordDecoder.Malformed;
import com.cruddur.messaging.adapters.dynamodb.stream.StreamRecordDecoder.NewMessage;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

class StreamRecordDecoderTest {

    private static final Message MESSAGE = new Message(new MessageId(UUID.randomUUID()),
            new MessageGroupId(UUID.randomUUID()),
            new Participant(new UserId(UUID.randomUUID()), "Delenn Mir", new Handle("delenn")),
            "Hello, Londo", Timestamp.of(Instant.parse("2026-11-22T10:15:30.123456Z")));

    @Test
    void aMessageInsertIsTheMessageItStores() {
        assertThat(StreamRecordDecoder.decode(insert("000000000000000000017", messageItem(MESSAGE))))
                .isEqualTo(new NewMessage("000000000000000000017", MESSAGE));
    }

    @Test
    void theReferencesTimestampsWithoutOffsetAndAMissingDisplayNameAreRead() {
        Map<String, AttributeValue> item = messageItem(MESSAGE);
        item.put("sk", AttributeValue.fromS("2026-11-22T10:15:30.123456"));
        item.remove("user_display_name");

        NewMessage decoded = (NewMessage) StreamRecordDecoder.decode(insert("1", item));

        assertThat(decoded.message().createdAt()).isEqualTo(MESSAGE.createdAt());
        assertThat(decoded.message().sender().displayName()).isEmpty();
    }

    @Test
    void modifiesRemovesAndOtherItemTypesAreIgnored() {
        assertThat(StreamRecordDecoder.decode(record(OperationType.MODIFY, "1", messageItem(MESSAGE))))
                .isInstanceOf(Ignored.class);
        assertThat(StreamRecordDecoder.decode(record(OperationType.REMOVE, "2", messageItem(MESSAGE))))
                .isInstanceOf(Ignored.class);
        for (String pk : new String[] {"GRP#" + UUID.randomUUID(), "CONV#" + MESSAGE.groupId(), "PAIR#a#b",
                "IDEM#" + UUID.randomUUID() + "#key"}) {
            Map<String, AttributeValue> item = messageItem(MESSAGE);
            item.put("pk", AttributeValue.fromS(pk));
            assertThat(StreamRecordDecoder.decode(insert("3", item))).as(pk).isInstanceOf(Ignored.class);
        }
        assertThat(StreamRecordDecoder.decode(null)).isInstanceOf(Ignored.class);
    }

    @Test
    void aMessageInsertThatCannotBeReadIsMalformedWithItsSequenceNumber() {
        Map<String, AttributeValue> withoutId = messageItem(MESSAGE);
        withoutId.remove("message_uuid");
        Map<String, AttributeValue> badTime = messageItem(MESSAGE);
        badTime.put("sk", AttributeValue.fromS("yesterday"));
        Map<String, AttributeValue> badGroup = messageItem(MESSAGE);
        badGroup.put("pk", AttributeValue.fromS("MSG#not-a-uuid"));
        Map<String, AttributeValue> numberText = messageItem(MESSAGE);
        numberText.put("message", AttributeValue.fromN("42"));

        assertThat(StreamRecordDecoder.decode(insert("5", withoutId)))
                .isEqualTo(new Malformed("5", "message item (pk=MSG#" + MESSAGE.groupId() + ", sk="
                        + MESSAGE.createdAt().format() + ") cannot be read: no string attribute 'message_uuid'"));
        assertThat(StreamRecordDecoder.decode(insert("6", badTime))).isInstanceOf(Malformed.class)
                .extracting(d -> ((Malformed) d).sequenceNumber()).isEqualTo("6");
        assertThat(StreamRecordDecoder.decode(insert("7", badGroup))).isInstanceOf(Malformed.class);
        assertThat(StreamRecordDecoder.decode(insert("8", numberText))).isInstanceOf(Malformed.class);
    }

    @Test
    void aMessageInsertWithoutImageIsMalformedNotIgnored() {
        Map<String, AttributeValue> keys = new HashMap<>();
        keys.put("pk", AttributeValue.fromS("MSG#" + MESSAGE.groupId()));
        keys.put("sk", AttributeValue.fromS(MESSAGE.createdAt().format()));
        Record keysOnly = Record.builder().eventName(OperationType.INSERT)
                .dynamodb(StreamRecord.builder().keys(keys).sequenceNumber("9").build()).build();

        assertThat(StreamRecordDecoder.decode(keysOnly)).isInstanceOf(Malformed.class)
                .extracting(d -> ((Malformed) d).sequenceNumber()).isEqualTo("9");
    }
}
