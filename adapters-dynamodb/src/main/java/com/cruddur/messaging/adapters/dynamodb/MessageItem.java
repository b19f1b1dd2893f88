package com.cruddur.messaging.adapters.dynamodb;

import com.cruddur.messaging.domain.Message;
import com.cruddur.messaging.domain.MessageGroupId;
import com.cruddur.messaging.domain.MessageId;
import com.cruddur.messaging.domain.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reference's message item: pk {@code MSG#{group}}, sk created_at, the sender's fields; and, added once its
 * sender changed it, {@code edited_at} (a String) and {@code deleted} (a Boolean, true on a tombstone, whose
 * {@code message} is then the empty string: the text is gone, the attribute the reference reads stays).
 *
 * <p>{@link #fromItem} is the one reading of a stored message: pattern A lists what it reads, and the stream's
 * records are read with it too, so pattern E moves the inbox to exactly the message A shows. It is public for the
 * stream package alone.
 */
public final class MessageItem {

    private MessageItem() {
    }

    static String pk(MessageGroupId group) {
        return Attr.MESSAGE_PREFIX + group;
    }

    static Map<String, AttributeValue> toItem(Message message) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Attr.PK, Attr.s(pk(message.groupId())));
        item.put(Attr.SK, Attr.s(message.createdAt().format()));
        item.put(Attr.MESSAGE_UUID, Attr.s(message.id().toString()));
        item.put(Attr.MESSAGE, Attr.s(message.text()));
        ParticipantAttrs.put(item, "", message.sender());
        message.editedAt().ifPresent(at -> item.put(Attr.EDITED_AT, Attr.s(at.format())));
        if (message.deleted()) {
            item.put(Attr.DELETED, AttributeValue.fromBool(true));
        }
        return item;
    }

    /**
     * Whether a stored item is {@code message}'s own: the same uuid at its key. Message uuids are new for every
     * send, so another message never matches; a write that was sent again after its answer was lost does.
     */
    static boolean isMessage(Map<String, AttributeValue> item, Message message) {
        AttributeValue uuid = item.get(Attr.MESSAGE_UUID);
        return uuid != null && message.id().toString().equals(uuid.s());
    }

    /** Whether a partition key is a message item's ({@code MSG#...}). */
    public static boolean isMessageKey(String pk) {
        return pk != null && pk.startsWith(Attr.MESSAGE_PREFIX);
    }

    /**
     * The message an item holds. {@code message} (the text) and {@code user_display_name} may be missing, as in items
     * some of the reference's scripts wrote: they read as empty. Everything else is required.
     *
     * @throws MalformedItemException when the item is not a readable message item
     */
    public static Message fromItem(Map<String, AttributeValue> item) {
        try {
            String pk = Attr.string(item, Attr.PK);
            if (!pk.startsWith(Attr.MESSAGE_PREFIX)) {
                throw new IllegalArgumentException("not a message item");
            }
            return new Message(
                    MessageId.of(Attr.string(item, Attr.MESSAGE_UUID)),
                    MessageGroupId.of(pk.substring(Attr.MESSAGE_PREFIX.length())),
                    ParticipantAttrs.read(item, ""),
                    Attr.optionalString(item, Attr.MESSAGE),
                    Timestamp.parse(Attr.string(item, Attr.SK)),
                    item.containsKey(Attr.EDITED_AT)
                            ? Optional.of(Timestamp.parse(Attr.string(item, Attr.EDITED_AT))) : Optional.empty(),
                    Attr.optionalBool(item, Attr.DELETED));
        } catch (MalformedItemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw MalformedItemException.unreadable(item, e);
        }
    }
}
