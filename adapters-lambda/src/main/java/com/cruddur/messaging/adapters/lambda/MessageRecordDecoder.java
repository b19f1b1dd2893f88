package com.cruddur.messaging.adapters.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.cruddur.messaging.domain.DomainViolation;
import com.cruddur.messaging.domain.Handle;
import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Participant;
import com.cruddur.messaging.domain.Timestamp;
import com.cruddur.messaging.domain.UserId;
import java.util.Map;
import java.util.Objects;

/**
 * Reads one stream record as pattern E sees it: a newly inserted message, a record that does not concern it, or a
 * message record that cannot be read.
 *
 * <p>Only INSERTs whose item is a message (pk {@code MSG#{group}}) matter. REMOVEs and MODIFYs, the group rows
 * ({@code GRP#}, including the ones this handler's own moves write) and the added item types ({@code CONV#},
 * {@code PAIR#}, {@code IDEM#}) are ignored. The item's pk is read from the new image, or from the keys when the
 * image is missing, so that a message insert without an image is reported rather than silently dropped.
 *
 * <p>A message item needs {@code sk} (its created_at, in any of the forms {@link Timestamp#parse} reads),
 * {@code message_uuid}, {@code message}, {@code user_uuid} and {@code user_handle}, all strings, with uuids where
 * uuids belong. {@code user_display_name} may be missing (the adapter reads it as empty too): a move needs only the
 * time and text. Anything else missing or unreadable makes the record malformed.
 */
final class MessageRecordDecoder {

    static final String INSERT = "INSERT";
    static final String MESSAGE_PREFIX = "MSG#";

    private MessageRecordDecoder() {
    }

    /** What a record is to pattern E. */
    sealed interface Decoded permits NewMessage, Ignored, Malformed {
    }

    /** A message inserted into the table, at {@code sequenceNumber} in its shard. */
    record NewMessage(String sequenceNumber, Message message) implements Decoded {
        NewMessage {
            Objects.requireNonNull(sequenceNumber, "sequence number");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Not a message insert; nothing to do. */
    record Ignored(String reason) implements Decoded {
    }

    /** A message insert that cannot be read; it is reported by its sequence number. */
    record Malformed(String sequenceNumber, String reason) implements Decoded {
        Malformed {
            Objects.requireNonNull(sequenceNumber, "sequence number");
        }
    }

    static Decoded decode(DynamodbStreamRecord record) {
        if (record == null) {
            return new Ignored("no record");
        }
        if (!INSERT.equals(record.getEventName())) {
            return new Ignored(record.getEventName() + " record");
        }
        StreamRecord change = record.getDynamodb();
        if (change == null) {
            return new Ignored("INSERT without a stream record");
        }
        Map<String, AttributeValue> image = change.getNewImage();
        String pk = stringOrNull(image, "pk");
        if (pk == null) {
            pk = stringOrNull(change.getKeys(), "pk");
        }
        if (pk == null || !pk.startsWith(MESSAGE_PREFIX)) {
            return new Ignored("not a message item (pk " + pk + ")");
        }
        String sequenceNumber = change.getSequenceNumber();
        if (sequenceNumber == null || sequenceNumber.isBlank()) {
            // Lambda reads a blank identifier as "the whole batch failed"; such a record cannot be reported alone.
            return new Ignored("message insert without a sequence number (pk " + pk + ")");
        }
        if (image == null || image.isEmpty()) {
            return new Malformed(sequenceNumber,
                    "message insert " + pk + " carries no new image (the stream view type must be NEW_IMAGE)");
        }
        try {
            return new NewMessage(sequenceNumber, message(pk, image));
        } catch (MissingAttribute | DomainViolation e) {
            return new Malformed(sequenceNumber, "message item (pk=" + pk + ", sk=" + stringOrNull(image, "sk")
                    + ") cannot be read: " + e.getMessage());
        }
    }

    private static Message message(String pk, Map<String, AttributeValue> image) {
        MessageGroupId group = MessageGroupId.of(pk.substring(MESSAGE_PREFIX.length()));
        Participant sender = new Participant(
                UserId.of(required(image, "user_uuid")),
                stringOrNull(image, "user_display_name"),
                new Handle(required(image, "user_handle")));
        return new Message(
                MessageId.of(required(image, "message_uuid")),
                group,
                sender,
                required(image, "message"),
                Timestamp.parse(required(image, "sk")));
    }

    private static String required(Map<String, AttributeValue> image, String name) {
        String value = stringOrNull(image, name);
        if (value == null) {
            throw new MissingAttribute("no string attribute '" + name + "'");
        }
        return value;
    }

    private static String stringOrNull(Map<String, AttributeValue> attributes, String name) {
        if (attributes == null) {
            return null;
        }
        AttributeValue value = attributes.get(name);
        return value == null ? null : value.getS();
    }

    private static final class MissingAttribute extends RuntimeException {
        MissingAttribute(String message) {
            super(message, null, false, false);
        }
    }
}
