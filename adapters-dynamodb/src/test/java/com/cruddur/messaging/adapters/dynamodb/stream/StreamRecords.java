package com.cruddur.messaging.adapters.dynamodb.stream;

import com.cruddur.messaging.domain.Message;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Stream records shaped as DynamoDB Local and DynamoDB write them (NEW_IMAGE view). */
public final class StreamRecords {

    private StreamRecords() {
    }

    public static Map<String, AttributeValue> messageItem(Message message) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("MSG#" + message.groupId()));
        item.put("sk", AttributeValue.fromS(message.createdAt().format()));
        item.put("message_uuid", AttributeValue.fromS(message.id().toString()));
        item.put("message", AttributeValue.fromS(message.text()));
        item.put("user_uuid", AttributeValue.fromS(message.sender().id().toString()));
        item.put("user_display_name", AttributeValue.fromS(message.sender().displayName()));
        item.put("user_handle", AttributeValue.fromS(message.sender().handle().value()));
        return item;
    }

    public static Record insert(String sequenceNumber, Map<String, AttributeValue> image) {
        return record(OperationType.INSERT, sequenceNumber, image);
    }

    public static Record record(OperationType event, String sequenceNumber, Map<String, AttributeValue> image) {
        Map<String, AttributeValue> keys = new HashMap<>();
        if (image.containsKey("pk")) {
            keys.put("pk", image.get("pk"));
        }
        if (image.containsKey("sk")) {
            keys.put("sk", image.get("sk"));
        }
        StreamRecord.Builder change = StreamRecord.builder()
                .keys(keys)
                .sequenceNumber(sequenceNumber)
                .streamViewType(StreamViewType.NEW_IMAGE);
        if (event != OperationType.REMOVE) {
            change.newImage(image);
        }
        return Record.builder()
                .eventID("event-" + sequenceNumber)
                .eventName(event)
                .eventSource("aws:dynamodb")
                .awsRegion("ddblocal")
                .dynamodb(change.build())
                .build();
    }

    /** A sequence number as DynamoDB Local writes them: 21 digits, zero-padded. */
    public static String sequenceNumber(long n) {
        return String.format("%021d", n);
    }
}
