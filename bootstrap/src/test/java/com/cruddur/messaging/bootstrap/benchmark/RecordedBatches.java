package com.cruddur.messaging.bootstrap.benchmark;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded stream batch ({@code adapters-lambda/src/test/resources/events}) as the Lambda runtime hands it to the
 * handler, replayable with its message times moved on, so that every replay is new work (a move only goes forward)
 * rather than a batch of already-current conversations.
 */
final class RecordedBatches {

    static final String HUNDRED_MESSAGES = "adapters-lambda/src/test/resources/events/hundred-messages.json";

    private final JsonNode records;

    private RecordedBatches(JsonNode records) {
        this.records = records;
    }

    static RecordedBatches load(Path file) {
        try {
            return new RecordedBatches(new ObjectMapper().readTree(file.toFile()).get("Records"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return records.size();
    }

    /** The conversations of the batch, with the senders seen in each (the participants to create). */
    Map<String, List<String>> sendersByGroup() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (JsonNode record : records) {
            JsonNode image = record.get("dynamodb").get("NewImage");
            String group = image.get("pk").get("S").asText().substring("MSG#".length());
            String sender = image.get("user_uuid").get("S").asText();
            List<String> senders = groups.computeIfAbsent(group, g -> new ArrayList<>());
            if (!senders.contains(sender)) {
                senders.add(sender);
            }
        }
        return groups;
    }

    /** The batch with every message's time moved {@code shiftSeconds} on (and its sequence numbers kept). */
    DynamodbEvent shifted(long shiftSeconds) {
        List<DynamodbStreamRecord> out = new ArrayList<>();
        for (JsonNode json : records) {
            JsonNode change = json.get("dynamodb");
            StreamRecord stream = new StreamRecord();
            stream.setKeys(image(change.get("Keys"), shiftSeconds));
            stream.setNewImage(image(change.get("NewImage"), shiftSeconds));
            stream.setSequenceNumber(change.get("SequenceNumber").asText());
            stream.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.fromValue(
                    change.get("StreamViewType").asText()));
            DynamodbStreamRecord record = new DynamodbStreamRecord();
            record.setEventID(json.get("eventID").asText());
            record.setEventName(json.get("eventName").asText());
            record.setEventSource(json.get("eventSource").asText());
            record.setDynamodb(stream);
            out.add(record);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(out);
        return event;
    }

    private static Map<String, AttributeValue> image(JsonNode json, long shiftSeconds) {
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        json.properties().forEach(field -> {
            String value = field.getValue().get("S").asText();
            if (field.getKey().equals("sk")) {
                value = RawItems.at(OffsetDateTime.parse(value).toInstant().plusSeconds(shiftSeconds));
            }
            image.put(field.getKey(), new AttributeValue().withS(value));
        });
        return image;
    }

    /** The earliest message time in the batch (conversations must start before it). */
    Instant earliest() {
        Instant earliest = Instant.MAX;
        for (JsonNode record : records) {
            Instant at = OffsetDateTime.parse(record.get("dynamodb").get("NewImage").get("sk").get("S").asText())
                    .toInstant();
            earliest = at.isBefore(earliest) ? at : earliest;
        }
        return earliest;
    }
}
