package com.cruddur.messaging.adapters.dynamodb.stream;

import com.cruddur.messaging.adapters.dynamodb.Attr;
import com.cruddur.messaging.adapters.dynamodb.MalformedItemException;
import com.cruddur.messaging.adapters.dynamodb.MessageItem;
import com.cruddur.messaging.domain.Message;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Reads one record of the table's stream as pattern E sees it: a newly inserted message, a record that does not
 * concern it, or a message record that cannot be read. The Lambda (its event converted to these SDK records) and
 * the local pump (reading GetRecords) both read through here.
 *
 * <p>Only INSERTs whose item is a message (pk {@code MSG#{group}}) matter. REMOVEs and MODIFYs, the group rows
 * ({@code GRP#}, including the ones the moves write) and the added item types ({@code CONV#}, {@code PAIR#},
 * {@code IDEM#}) are ignored. The pk is read from the new image, or from the keys when the image is missing, so a
 * message insert without an image is reported rather than silently dropped.
 *
 * <p>The image is read by {@link MessageItem#fromItem}, the reading pattern A lists messages with: one rule for
 * what a message item must hold. A message insert without a sequence number is ignored: a failure can only be
 * reported by its sequence number (Lambda takes a blank one to mean the whole batch).
 */
public final class StreamRecordDecoder {

    private StreamRecordDecoder() {
    }

    /** What a record is to pattern E. */
    public sealed interface Decoded permits NewMessage, Ignored, Malformed {
    }

    /** A message inserted into the table, at {@code sequenceNumber} in its shard. */
    public record NewMessage(String sequenceNumber, Message message) implements Decoded {
        public NewMessage {
            Objects.requireNonNull(sequenceNumber, "sequence number");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Not a message insert; nothing to do. */
    public record Ignored(String reason) implements Decoded {
    }

    /** A message insert that cannot be read; it is reported by its sequence number. */
    public record Malformed(String sequenceNumber, String reason) implements Decoded {
        public Malformed {
            Objects.requireNonNull(sequenceNumber, "sequence number");
        }
    }

    public static Decoded decode(Record record) {
        if (record == null) {
            return new Ignored("no record");
        }
        if (record.eventName() != OperationType.INSERT) {
            return new Ignored(record.eventNameAsString() + " record");
        }
        StreamRecord change = record.dynamodb();
        if (change == null) {
            return new Ignored("INSERT without a stream record");
        }
        Map<String, AttributeValue> image = change.hasNewImage() ? change.newImage() : Map.of();
        String pk = stringOrNull(image, Attr.PK);
        if (pk == null && change.hasKeys()) {
            pk = stringOrNull(change.keys(), Attr.PK);
        }
        if (!MessageItem.isMessageKey(pk)) {
            return new Ignored("not a message item (pk " + pk + ")");
        }
        String sequenceNumber = change.sequenceNumber();
        if (sequenceNumber == null || sequenceNumber.isBlank()) {
            return new Ignored("message insert without a sequence number (pk " + pk + ")");
        }
        if (image.isEmpty()) {
            return new Malformed(sequenceNumber,
                    "message insert " + pk + " carries no new image (the stream view type must be NEW_IMAGE)");
        }
        try {
            return new NewMessage(sequenceNumber, MessageItem.fromItem(image));
        } catch (MalformedItemException e) {
            return new Malformed(sequenceNumber, e.getMessage());
        }
    }

    private static String stringOrNull(Map<String, AttributeValue> attributes, String name) {
        AttributeValue value = attributes.get(name);
        return value == null ? null : value.s();
    }
}
