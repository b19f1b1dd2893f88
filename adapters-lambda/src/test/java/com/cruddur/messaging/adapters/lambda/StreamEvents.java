package com.cruddur.messaging.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a stream event as Lambda delivers it (the JSON of {@code src/test/resources/events}) into the
 * aws-lambda-java-events classes, as the Java runtime's serializer does: its field names are not the classes'
 * bean names ({@code Records}, {@code NewImage}, {@code SequenceNumber}, an attribute value's {@code S}), and
 * {@code ApproximateCreationDateTime} is in epoch seconds.
 */
final class StreamEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamEvents() {
    }

    static DynamodbEvent load(String name) {
        String path = "/events/" + name;
        try (InputStream in = StreamEvents.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no event " + path);
            }
            return event(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DynamodbEvent event(JsonNode json) {
        DynamodbEvent event = new DynamodbEvent();
        if (json.has("Records")) {
            List<DynamodbStreamRecord> records = new ArrayList<>();
            json.get("Records").forEach(record -> records.add(record(record)));
            event.setRecords(records);
        }
        return event;
    }

    private static DynamodbStreamRecord record(JsonNode json) {
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventID(text(json, "eventID"));
        record.setEventName(text(json, "eventName"));
        record.setEventVersion(text(json, "eventVersion"));
        record.setEventSource(text(json, "eventSource"));
        record.setAwsRegion(text(json, "awsRegion"));
        record.setEventSourceARN(text(json, "eventSourceARN"));
        JsonNode change = json.get("dynamodb");
        if (change != null && !change.isNull()) {
            StreamRecord stream = new StreamRecord();
            if (change.has("ApproximateCreationDateTime")) {
                stream.setApproximateCreationDateTime(
                        new Date(change.get("ApproximateCreationDateTime").asLong() * 1000));
            }
            stream.setKeys(image(change.get("Keys")));
            stream.setNewImage(image(change.get("NewImage")));
            stream.setOldImage(image(change.get("OldImage")));
            stream.setSequenceNumber(text(change, "SequenceNumber"));
            if (change.has("SizeBytes")) {
                stream.setSizeBytes(change.get("SizeBytes").asLong());
            }
            if (change.has("StreamViewType")) {
                stream.setStreamViewType(StreamViewType.fromValue(change.get("StreamViewType").asText()));
            }
            record.setDynamodb(stream);
        }
        return record;
    }

    private static Map<String, AttributeValue> image(JsonNode json) {
        if (json == null || json.isNull()) {
            return null;
        }
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        json.properties().forEach(field -> image.put(field.getKey(), value(field.getValue())));
        return image;
    }

    private static AttributeValue value(JsonNode json) {
        AttributeValue value = new AttributeValue();
        json.properties().forEach(field -> {
            JsonNode v = field.getValue();
            switch (field.getKey()) {
                case "S" -> value.setS(v.asText());
                case "N" -> value.setN(v.asText());
                case "B" -> value.setB(ByteBuffer.wrap(Base64.getDecoder().decode(v.asText())));
                case "BOOL" -> value.setBOOL(v.asBoolean());
                case "NULL" -> value.setNULL(v.asBoolean());
                case "SS" -> value.setSS(strings(v));
                case "NS" -> value.setNS(strings(v));
                case "M" -> value.setM(image(v));
                case "L" -> {
                    List<AttributeValue> list = new ArrayList<>();
                    v.forEach(element -> list.add(value(element)));
                    value.setL(list);
                }
                default -> throw new IllegalArgumentException("unknown attribute type " + field.getKey());
            }
        });
        return value;
    }

    private static List<String> strings(JsonNode json) {
        List<String> values = new ArrayList<>();
        json.forEach(element -> values.add(element.asText()));
        return values;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
