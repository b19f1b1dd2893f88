package com.cruddur.messaging.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbRecordTransformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * The event's records as the SDK's stream records, the type the shared pipeline reads (the local pump gets them
 * from GetRecords), converted by aws-lambda-java-events-sdk-transformer.
 *
 * <p>The transformer converts a record whole and throws on one that lacks a part it copies (no keys, no creation
 * time, an attribute value of no type). Lambda does not deliver such records, but an event handed to the function
 * by hand can hold them, and one of them must not fail the batch: it is converted part by part instead, keeping
 * what the decoder reads and leaving out a part that cannot be converted, which is then read as missing (a message
 * insert without its image is reported).
 */
final class EventRecords {

    private EventRecords() {
    }

    static List<Record> of(DynamodbEvent event) {
        if (event == null || event.getRecords() == null) {
            return List.of();
        }
        List<Record> records = new ArrayList<>();
        for (DynamodbStreamRecord record : event.getRecords()) {
            if (record != null) {
                records.add(convert(record));
            }
        }
        return records;
    }

    private static Record convert(DynamodbStreamRecord record) {
        try {
            return DynamodbRecordTransformer.toRecordV2(record);
        } catch (RuntimeException incomplete) {
            return partByPart(record);
        }
    }

    private static Record partByPart(DynamodbStreamRecord record) {
        Record.Builder converted = Record.builder()
                .eventID(record.getEventID())
                .eventName(record.getEventName())
                .eventVersion(record.getEventVersion())
                .eventSource(record.getEventSource())
                .awsRegion(record.getAwsRegion());
        var change = record.getDynamodb();
        if (change != null) {
            converted.dynamodb(StreamRecord.builder()
                    .sequenceNumber(change.getSequenceNumber())
                    .keys(attributes(change.getKeys()))
                    .newImage(attributes(change.getNewImage()))
                    .streamViewType(change.getStreamViewType())
                    .build());
        }
        return converted.build();
    }

    private static Map<String, AttributeValue> attributes(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> values) {
        if (values == null) {
            return null;
        }
        try {
            return DynamodbAttributeValueTransformer.toAttributeValueMapV2(values);
        } catch (RuntimeException unconvertible) {
            return null;
        }
    }
}
